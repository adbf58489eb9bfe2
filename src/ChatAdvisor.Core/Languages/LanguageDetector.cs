using ChatAdvisor.Knowledge;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Languages;

/// <summary>
/// Decides, per message, which language to answer in: an explicit request ("auf Deutsch bitte") wins; otherwise the
/// message's own words (stop words of each language, a few letters only some of them use), with the channel's locale
/// and the conversation's language as light priors. A message too short or too mixed to tell keeps the conversation's
/// language; a first message that cannot be told takes the locale, then English.
/// </summary>
public sealed class LanguageDetector
{
    private readonly IReadOnlyList<LanguageProfile> _languages;
    private readonly Dictionary<string, double> _weights;

    public LanguageDetector(IOptions<LanguageOptions> options)
    {
        var enabled = options.Value.Effective.Select(LanguageCatalog.Find).OfType<LanguageProfile>().DistinctBy(l => l.Code).ToList();
        _languages = enabled.Any(l => l.IsEnglish) ? enabled : [LanguageCatalog.English, .. enabled];
        // A stop word shared by several languages ("in", "de", "a") says little: it counts 1/k for each of k.
        _weights = _languages.SelectMany(l => TermAnalyzer.For(l).StopWords).GroupBy(w => w, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => 1.0 / g.Count(), StringComparer.Ordinal);
    }

    public IReadOnlyList<LanguageProfile> Languages => _languages;

    public bool IsEnabled(string code) => _languages.Any(l => l.Code == code);

    /// <param name="text">The visitor's message.</param>
    /// <param name="locale">The activity's <c>locale</c> (the browser's or Teams client's language), if any.</param>
    /// <param name="current">The conversation's language so far, if it has one.</param>
    public LanguageDecision Detect(string text, string? locale, string? current)
    {
        var trimmed = text.Trim();
        if (trimmed.Length <= 80)
        {
            foreach (var language in _languages.Where(l => l.SwitchRequest.IsMatch(trimmed)))
            {
                return new LanguageDecision(language.Code, Requested: true);
            }
        }
        var hint = LanguageCatalog.Find(locale) is { } hinted && IsEnabled(hinted.Code) ? hinted.Code : null;
        var fallback = current is not null && IsEnabled(current) ? current : hint ?? "en";
        var words = TextAnalyzer.Words(text).ToList();
        if (words.Count < 2)
        {
            return new LanguageDecision(fallback, Requested: false);
        }
        var scores = _languages.ToDictionary(
            l => l.Code, l => words.Where(TermAnalyzer.For(l).IsStopWord).Sum(w => _weights[w]), StringComparer.Ordinal);
        AddLetterHints(text, scores);
        if (hint is not null)
        {
            scores[hint] += 0.5;
        }
        if (current is not null && scores.ContainsKey(current))
        {
            scores[current] += 0.5;
        }
        var ranked = scores.OrderByDescending(s => s.Value).ToList();
        var second = ranked.Count > 1 ? ranked[1].Value : 0;
        // Clear enough: some evidence, and well ahead of the next language; leaving the conversation's language takes
        // a little more, so a stray word does not flip it.
        var margin = current is not null && ranked[0].Key != current ? 1.5 : 1;
        return ranked[0].Value >= 1.5 && ranked[0].Value >= second + margin
            ? new LanguageDecision(ranked[0].Key, Requested: false)
            : new LanguageDecision(fallback, Requested: false);
    }

    /// <summary>Letters that only some of the languages write.</summary>
    private static void AddLetterHints(string text, Dictionary<string, double> scores)
    {
        var lower = text.ToLowerInvariant();
        Add(scores, "de", lower.IndexOfAny(['ß', 'ä', 'ö', 'ü']) >= 0 ? 1 : 0);
        Add(scores, "es", lower.IndexOfAny(['ñ', '¿', '¡']) >= 0 ? 1.5 : 0);
        Add(scores, "fr", lower.IndexOfAny(['ç', 'è', 'ê', 'œ', 'à']) >= 0 ? 1 : 0);
        Add(scores, "it", lower.IndexOfAny(['ì', 'ò']) >= 0 ? 1 : 0);
        Add(scores, "pt", lower.IndexOfAny(['ã', 'õ']) >= 0 ? 1.5 : 0);
    }

    private static void Add(Dictionary<string, double> scores, string code, double value)
    {
        if (value > 0 && scores.ContainsKey(code))
        {
            scores[code] += value;
        }
    }
}

/// <summary>The language to answer in, and whether the visitor asked for it in so many words.</summary>
public readonly record struct LanguageDecision(string Language, bool Requested);
