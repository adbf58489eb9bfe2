using ChatAdvisor.Advice;

namespace ChatAdvisor.Generation;

/// <summary>A numbered guide section given to the model, as the prompt reads it (lower-case keys for Handlebars).</summary>
internal static class Passage
{
    public const string Argument = "passages";

    public static List<Dictionary<string, object?>> From(IReadOnlyList<Citation> citations) =>
        [.. citations.Select(c => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["number"] = c.Position,
            ["title"] = $"{c.GuideTitle} — {c.Heading}",
            ["text"] = c.Excerpt,
        })];

    public static IReadOnlyList<string> Texts(object? passages) =>
        passages is IEnumerable<Dictionary<string, object?>> list
            ? [.. list.Select(p => $"{p["title"]}\n{p["text"]}")]
            : [];
}
