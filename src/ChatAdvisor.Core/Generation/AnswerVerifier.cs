using System.Text.RegularExpressions;

namespace ChatAdvisor.Generation;

/// <summary>
/// Accepts a model reply only if it is grounded: it cites passages that exist, and every figure in it appears in
/// a passage it cites. Anything else is rejected so the caller keeps its extractive answer.
/// </summary>
internal static partial class AnswerVerifier
{
    public const string NoAnswerToken = "NO_ANSWER";

    public static GenerationOutcome Verify(string? reply, IReadOnlyList<string> passages, out GeneratedAnswer? answer)
    {
        answer = null;
        var text = reply?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return GenerationOutcome.EmptyReply;
        }
        if (text.Contains(NoAnswerToken, StringComparison.Ordinal))
        {
            return GenerationOutcome.NoAnswer;
        }
        // "[1, 2]" is a common variant of "[1][2]"; normalise so callers parse one format.
        text = CitationGroup().Replace(text, m => string.Concat(
            m.Groups["numbers"].Value.Split(',').Select(n => $"[{n.Trim()}]")));
        var cited = Citation().Matches(text)
            .Select(m => int.TryParse(m.Groups["n"].Value, out var n) ? n : 0)
            .Distinct()
            .ToList();
        if (cited.Count == 0)
        {
            return GenerationOutcome.NoCitation;
        }
        if (cited.Any(n => n < 1 || n > passages.Count))
        {
            return GenerationOutcome.CitationOutOfRange;
        }
        var allowed = cited.SelectMany(n => Figures(passages[n - 1]))
            .ToHashSet(StringComparer.Ordinal);
        if (Figures(WithoutMarkers(text)).Any(f => !allowed.Contains(f)))
        {
            return GenerationOutcome.UnsupportedFigure;
        }
        answer = new GeneratedAnswer(text, cited);
        return GenerationOutcome.Answered;
    }

    /// <summary>The prose without citation markers and list numbering, whose figures must be grounded.</summary>
    internal static string WithoutMarkers(string text) => OrderedListMarker().Replace(Citation().Replace(text, " "), string.Empty);

    /// <summary>Each number with its separators removed: "€50,000", "50.000" and "50 000" all become "50000".</summary>
    internal static IEnumerable<string> Figures(string text) =>
        Figure().Matches(text).Select(m => string.Concat(m.Value.Where(char.IsAsciiDigit)));

    [GeneratedRegex(@"\[(?<numbers>\d+(?:\s*,\s*\d+)+)\]")]
    private static partial Regex CitationGroup();

    [GeneratedRegex(@"\[(?<n>\d+)\]")]
    private static partial Regex Citation();

    [GeneratedRegex(@"^[ \t]*\d+[.)][ \t]", RegexOptions.Multiline)]
    private static partial Regex OrderedListMarker();

    // Digits with optional thousands groups (, . ' or a (narrow) no-break space) and an optional decimal part.
    [GeneratedRegex(@"\d+(?:[,.'\u00A0\u202F ]\d{3}(?!\d))*(?:[.,]\d+)?")]
    private static partial Regex Figure();
}

/// <summary>
/// A model reply that passed verification: <see cref="Text"/> carries <c>[n]</c> markers (n = the 1-based passage);
/// <see cref="CitedPassages"/> lists each n once, in order of first use.
/// </summary>
internal sealed record GeneratedAnswer(string Text, IReadOnlyList<int> CitedPassages);
