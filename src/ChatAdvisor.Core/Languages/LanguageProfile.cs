using System.Globalization;
using System.Text.RegularExpressions;
using Lucene.Net.Tartarus.Snowball;

namespace ChatAdvisor.Languages;

/// <summary>
/// What the bot needs to know about one visitor language: how its words are compared (stop words, a Snowball
/// stemmer, compound words), how a visitor asks for it ("auf Deutsch bitte"), and how it writes money.
/// </summary>
public sealed class LanguageProfile
{
    // Snowball stemmers keep state while they stem: one per thread and language.
    [ThreadStatic]
    private static Dictionary<string, SnowballProgram>? t_stemmers;

    private readonly Func<SnowballProgram>? _stemmer;

    internal LanguageProfile(string code, string nativeName, IEnumerable<string> stopWords, Func<SnowballProgram>? stemmer,
        bool compoundWords, IReadOnlyList<string> names)
    {
        Code = code;
        NativeName = nativeName;
        Culture = CultureInfo.GetCultureInfo(code);
        StopWords = stopWords.Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        _stemmer = stemmer;
        CompoundWords = compoundWords;
        Names = names;
        var name = $"(?:{string.Join('|', names.Select(Regex.Escape))})";
        // "auf Deutsch bitte", "in English please", "en français", "¿hablas español?", "Nederlands graag", "Deutsch?".
        SwitchRequest = new Regex(
            $@"^\W*(?:(?:please|bitte|svp|por favor|per favore|graag|alsjeblieft|alstublieft|can you|could you|kannst du|können sie|pouvez-vous|peux-tu|puedes|puede|potresti|può|kun je|kunt u)\W+)?"
            + $@"(?:(?:in|into|en|auf|op|in het|in the|al|en el)\s+)?(?:(?:speak|speaking|sprechen|sprich|parler|parlez|parle|parla|parli|hablar|habla|hablas|spreek|spreken|praat|answer|antworte|antworten|réponds|répondez|responde|rispondi|antwoord|write|schreib|écris|escribe|scrivi|schrijf|reply|continue|weiter|continuer|continuar|continua|verder|switch to|wechsel zu)\W+(?:(?:in|en|auf|op|in het|al|mit mir|with me|me|moi|bitte|please|svp|por favor|per favore|graag)\W+)*)?{name}"
            + @"(?:\W+(?:sprechen|schreiben|antworten|speak|answer|reply|write|parler|répondre|hablar|responder|parlare|rispondere|spreken|antwoorden))?"
            + @"(?:\W+(?:please|bitte|svp|s'il (?:te|vous) pla[iî]t|por favor|per favore|graag|alsjeblieft|alstublieft|thanks|danke|merci|gracias|grazie|bedankt))?\W*$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }

    /// <summary>ISO 639-1: <c>en</c>, <c>de</c>, <c>fr</c>, <c>nl</c>, <c>es</c>, <c>it</c>.</summary>
    public string Code { get; }

    /// <summary>The language's own name ("Deutsch"), as a visitor picks it.</summary>
    public string NativeName { get; }

    /// <summary>What the language is called, in itself and in the other languages (lower case).</summary>
    public IReadOnlyList<string> Names { get; }

    public CultureInfo Culture { get; }

    /// <summary>Lower case, accents kept (the stemmers need them).</summary>
    public IReadOnlySet<string> StopWords { get; }

    /// <summary>German and Dutch join words ("Modellüberwachung"); a question's compounds are split against the guides' words.</summary>
    public bool CompoundWords { get; }

    /// <summary>A message that asks to continue in this language ("in English please", "en français").</summary>
    public Regex SwitchRequest { get; }

    /// <summary>English keeps its own light stemmer (<see cref="Knowledge.TextAnalyzer.Stem"/>); the others use Snowball.</summary>
    public bool IsEnglish => Code == "en";

    /// <summary>The Snowball stem of a lower-case word with its accents.</summary>
    public string Stem(string word)
    {
        if (_stemmer is null || word.Length <= 3 || char.IsDigit(word[0]))
        {
            return word;
        }
        t_stemmers ??= new(StringComparer.Ordinal);
        if (!t_stemmers.TryGetValue(Code, out var stemmer))
        {
            t_stemmers[Code] = stemmer = _stemmer();
        }
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }

    public override string ToString() => Code;
}
