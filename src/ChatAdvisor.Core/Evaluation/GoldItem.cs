using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace ChatAdvisor.Evaluation;

/// <summary>
/// One evaluation case: a conversation whose last turn is judged. <see cref="Expect"/> is <c>answer</c>,
/// <c>abstain</c>, <c>apply</c> (the visitor wants to send a CV) or <c>jobsearch</c> (asks for openings).
/// <see cref="Sections"/> (dev set) are the acceptable sections; <see cref="Facts"/> what a right answer must say.
/// </summary>
public sealed record GoldItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("turns")] IReadOnlyList<string> Turns,
    [property: JsonPropertyName("expect")] string Expect,
    [property: JsonPropertyName("sections")] IReadOnlyList<string> Sections,
    [property: JsonPropertyName("facts")] IReadOnlyList<string> Facts)
{
    public const string Answer = "answer";
    public const string Abstain = "abstain";
    public const string Apply = "apply";
    public const string JobSearch = "jobsearch";

    /// <summary>The language the visitor writes in (per-language held-out sets); English when absent.</summary>
    [JsonPropertyName("lang")]
    public string? Language { get; init; }

    /// <summary>For a conversation that switches language: the language the judged answer must be in.</summary>
    [JsonPropertyName("lang_expected")]
    public string? LanguageExpected { get; init; }

    public bool ShouldAnswer => Expect == Answer;

    public bool IsIntent => Expect is Apply or JobSearch;

    /// <summary>The facts as case-insensitive patterns: regular expressions as written, or literal words.</summary>
    [JsonIgnore]
    public IReadOnlyList<Regex> FactPatterns { get; init; } = [];

    /// <summary>
    /// Reads a JSON Lines set, naming the line of any malformed entry. With <paramref name="factsAreRegex"/> the facts
    /// are regular expressions; otherwise each is a literal phrase matched as whole words ("EMA" does not match "demand").
    /// </summary>
    public static List<GoldItem> Load(string path, bool factsAreRegex = false)
    {
        var items = new List<GoldItem>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                var item = JsonSerializer.Deserialize<GoldItem>(line) ?? throw new JsonException("empty entry");
                if (item.Turns is not { Count: > 0 } || item.Expect is not (Answer or Abstain or Apply or JobSearch))
                {
                    throw new JsonException("an entry needs turns and expect 'answer', 'abstain', 'apply' or 'jobsearch'");
                }
                var facts = item.Facts ?? [];
                items.Add(item with
                {
                    Sections = item.Sections ?? [],
                    Facts = facts,
                    FactPatterns = [.. facts.Select(f => new Regex(factsAreRegex ? f : $@"(?<!\w){Regex.Escape(f).Replace(@"\ ", @"\s+", StringComparison.Ordinal)}(?!\w)",
                        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))],
                });
            }
            catch (Exception ex) when (ex is JsonException or ArgumentException)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: {ex.Message}", ex);
            }
        }
        return items;
    }
}
