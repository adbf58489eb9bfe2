using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatAdvisor.Evaluation;

/// <summary>One evaluation case: a conversation whose last turn is judged.</summary>
public sealed record GoldItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("turns")] IReadOnlyList<string> Turns,
    [property: JsonPropertyName("expect")] string Expect,
    [property: JsonPropertyName("sections")] IReadOnlyList<string> Sections,
    [property: JsonPropertyName("facts")] IReadOnlyList<string> Facts)
{
    public bool ShouldAnswer => Expect == "answer";

    /// <summary>Reads a JSON Lines gold set, naming the line of any malformed entry.</summary>
    public static List<GoldItem> Load(string path)
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
                var item = JsonSerializer.Deserialize<GoldItem>(line)
                    ?? throw new JsonException("empty entry");
                if (item.Turns is not { Count: > 0 } || item.Expect is not ("answer" or "abstain"))
                {
                    throw new JsonException("an entry needs turns and expect 'answer' or 'abstain'");
                }
                items.Add(item with { Sections = item.Sections ?? [], Facts = item.Facts ?? [] });
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: {ex.Message}", ex);
            }
        }
        return items;
    }
}
