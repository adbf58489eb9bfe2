using System.Collections.Concurrent;
using ChatAdvisor.Languages;

namespace ChatAdvisor.Knowledge;

/// <summary>
/// <see cref="TextAnalyzer"/> for one language: the same words and numbers, that language's stop words and stemmer.
/// English is exactly <see cref="TextAnalyzer"/>; the others stem with Snowball (accents kept while stemming, then
/// removed, so "Qualifikationen" and "qualifikation" meet).
/// </summary>
public sealed class TermAnalyzer
{
    private static readonly ConcurrentDictionary<string, TermAnalyzer> s_analyzers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stopWords;

    private TermAnalyzer(LanguageProfile language)
    {
        Language = language;
        _stopWords = language.IsEnglish
            ? [.. TextAnalyzer.StopWords]
            : [.. language.StopWords.Select(TextAnalyzer.RemoveDiacritics)];
    }

    public static TermAnalyzer English { get; } = For(LanguageCatalog.English);

    public static TermAnalyzer For(LanguageProfile language) => s_analyzers.GetOrAdd(language.Code, _ => new TermAnalyzer(language));

    public LanguageProfile Language { get; }

    public IEnumerable<string> StopWords => _stopWords;

    public bool IsStopWord(string key) => _stopWords.Contains(key);

    /// <summary>Accent-free words and numbers, as <see cref="TextAnalyzer.Words(string)"/>.</summary>
    public static IEnumerable<string> Words(string text) => TextAnalyzer.Words(text);

    /// <summary>The comparison key of one word as <see cref="Words"/> or the text gives it.</summary>
    public string Stem(string word) => Language.IsEnglish ? TextAnalyzer.Stem(word) : TextAnalyzer.RemoveDiacritics(Language.Stem(word));

    /// <summary>The searchable terms of a text: stemmed, typo-repaired (or split into known parts), synonyms merged, stop words dropped.</summary>
    public List<string> Terms(string text, SynonymSet synonyms, Func<string, IEnumerable<string>>? repair = null)
    {
        var tokens = Tokens(text, repair);
        return [.. synonyms.Canonicalize(tokens).Where(t => !t.IsStopWord).Select(t => t.Key)];
    }

    /// <summary>The comparison keys of a text's words, before synonyms: stop words as they are, others stemmed.</summary>
    public IEnumerable<string> Keys(string text) => Tokens(text, null).Select(t => t.Key);

    private List<TextAnalyzer.Token> Tokens(string text, Func<string, IEnumerable<string>>? repair)
    {
        var tokens = new List<TextAnalyzer.Token>();
        foreach (var word in Language.IsEnglish ? TextAnalyzer.Words(text) : TextAnalyzer.Words(text, keepAccents: true))
        {
            var plain = Language.IsEnglish ? word : TextAnalyzer.RemoveDiacritics(word);
            if (_stopWords.Contains(plain))
            {
                tokens.Add(new(plain, true));
                continue;
            }
            var key = Stem(word);
            foreach (var repaired in repair?.Invoke(key) ?? [key])
            {
                tokens.Add(new(repaired, _stopWords.Contains(repaired)));
            }
        }
        return tokens;
    }
}
