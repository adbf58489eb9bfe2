using System.Globalization;
using System.Text;

namespace ChatAdvisor.Knowledge;

/// <summary>Turns text into comparable terms: lower case, no accents, synonyms merged, stop words dropped, stemmed.</summary>
public static class TextAnalyzer
{
    private static readonly HashSet<string> s_stopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "of", "for", "to", "in", "on", "at", "by", "with", "as", "is", "are",
        "was", "were", "be", "been", "being", "do", "does", "did", "doing", "what", "which", "who", "whom", "whose",
        "how", "why", "when", "where", "can", "could", "would", "should", "will", "shall", "may", "might", "must",
        "i", "me", "my", "we", "our", "you", "your", "he", "she", "it", "its", "they", "them", "their", "this",
        "that", "these", "those", "there", "here", "about", "tell", "please", "know", "want", "like", "also",
        "any", "some", "such", "so", "if", "then", "than", "too", "very", "just", "into", "from", "up", "out",
        "get", "got", "have", "has", "had", "im", "id", "ive", "s", "t", "hi", "hello", "hey", "thanks", "thank",
        "someone", "somebody", "person", "people", "one", "ones", "kind", "sort", "typical", "typically",
        "usually", "generally", "really", "much", "many", "more", "most", "all", "other", "need", "needs",
        "needed", "role", "roles", "job", "jobs", "position", "career", "work", "working", "works", "as",
        "describe", "explain", "mean", "means", "give", "say", "said", "us", "am", "let", "lets", "wondering",
        "wat", "whats", "wats", "hows", "whos", "u", "ur", "r", "pls", "plz", "ok", "okay",
    };

    /// <summary>Lower-cased, accent-free words and numbers ("€50,000" gives "50000").</summary>
    public static IEnumerable<string> Words(string text) => Words(text, keepAccents: false);

    /// <summary>Lower-cased words and numbers; with <paramref name="keepAccents"/> as written, for a stemmer that needs them.</summary>
    internal static IEnumerable<string> Words(string text, bool keepAccents)
    {
        var lower = text.ToLowerInvariant();
        var normalized = keepAccents ? lower.Normalize(NormalizationForm.FormC) : RemoveDiacritics(lower);
        var word = new StringBuilder();
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if ((c is ',' or '.') && word.Length > 0 && char.IsDigit(word[^1])
                     && i + 1 < normalized.Length && char.IsDigit(normalized[i + 1]))
            {
                continue;
            }
            else if (c is ' ' or '\u00a0' or '\u202f' && IsThousandsGroup(normalized, word, i))
            {
                continue;
            }
            else if (c == '\'' && word.Length > 0)
            {
                continue;
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    /// <summary>The searchable terms of a text: stemmed, typo-repaired, synonyms merged, stop words dropped.</summary>
    public static List<string> Terms(string text, SynonymSet synonyms, Func<string, string>? repair = null) =>
        TermAnalyzer.English.Terms(text, synonyms, repair is null ? null : key => [repair(key)]);

    /// <summary>The comparison keys of a text's words, before synonyms: stop words as they are, others stemmed.</summary>
    public static IEnumerable<string> Keys(string text) => TermAnalyzer.English.Keys(text);

    public static bool IsStopWord(string word) => s_stopWords.Contains(word);

    public static IEnumerable<string> StopWords => s_stopWords;

    /// <summary>A light English suffix stripper: enough to meet "skills"/"skill", "deploying"/"deploy".</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || word.Contains('_', StringComparison.Ordinal) || char.IsDigit(word[0]))
        {
            return word;
        }
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }
        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5)
        {
            return TrimDouble(word[..^3]);
        }
        if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4)
        {
            return TrimDouble(word[..^2]);
        }
        if (word.Length > 4 && (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)
            || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)))
        {
            return word[..^2];
        }
        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal))
        {
            return word[..^1];
        }
        return word;
    }

    /// <summary>A word as compared: its key (stem) and whether it is a stop word.</summary>
    public readonly record struct Token(string Key, bool IsStopWord);

    private static string TrimDouble(string stem) =>
        stem.Length > 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z') ? stem[..^1] : stem;

    /// <summary>A space inside a number written the French way ("70 000"): digits before, exactly three after.</summary>
    private static bool IsThousandsGroup(string text, StringBuilder word, int i) =>
        word.Length is > 0 and <= 3 && char.IsDigit(word[^1]) && word.ToString().All(char.IsDigit)
        && i + 3 < text.Length && char.IsDigit(text[i + 1]) && char.IsDigit(text[i + 2]) && char.IsDigit(text[i + 3])
        && (i + 4 == text.Length || !char.IsLetterOrDigit(text[i + 4]));

    internal static string RemoveDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
