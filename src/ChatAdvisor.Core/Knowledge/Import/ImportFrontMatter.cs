using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatAdvisor.Knowledge.Import;

/// <summary>Values given in optional front matter; each one that is set replaces the derived value.</summary>
internal sealed record ImportMetadata(
    string? Id,
    string? Title,
    string? Role,
    IReadOnlyList<string>? Aliases,
    string? Source,
    DateOnly? LastReviewed,
    string? Language = null);

/// <summary>
/// Optional YAML front matter at the top of an imported text file, with the keys of the Markdown guides
/// (<c>id, title, role, aliases, source, last_reviewed</c>, and <c>lang</c> in a translated guide). Unlike a Markdown
/// guide, every key is optional.
/// </summary>
internal static partial class ImportFrontMatter
{
    private const string Fence = "---";

    private static readonly IDeserializer s_yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>The metadata (null when there is no front matter) and the index of the first body line.</summary>
    public static (ImportMetadata? Metadata, int BodyStart) Read(IReadOnlyList<string> lines, string file)
    {
        if (lines.Count == 0 || lines[0].Trim() != Fence)
        {
            return (null, 0);
        }
        var end = -1;
        for (var i = 1; i < lines.Count && end < 0; i++)
        {
            end = lines[i].Trim() == Fence ? i : -1;
        }
        if (end < 0)
        {
            throw new KnowledgeFormatException(file, 1, "front matter is not closed with '---'");
        }
        Fields? fields;
        try
        {
            fields = s_yaml.Deserialize<Fields>(string.Join('\n', lines.Skip(1).Take(end - 1)));
        }
        catch (YamlException ex)
        {
            throw new KnowledgeFormatException(file, (int)ex.Start.Line + 1, $"front matter: {ex.Message}");
        }
        if (fields is null)
        {
            return (null, end + 1);
        }
        if (fields.Id is not null && !SlugPattern().IsMatch(fields.Id))
        {
            throw new KnowledgeFormatException(file, 2, $"id '{fields.Id}' must be lower-case kebab-case");
        }
        return (new ImportMetadata(Blank(fields.Id), Blank(fields.Title), Blank(fields.Role), fields.Aliases,
            Blank(fields.Source), ParseDate(fields.LastReviewed, file), Blank(fields.Lang)), end + 1);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? ParseDate(string? value, string file)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new KnowledgeFormatException(file, 1, "front matter last_reviewed must be yyyy-MM-dd");
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    private sealed class Fields
    {
        public string? Id { get; set; }

        public string? Title { get; set; }

        public string? Role { get; set; }

        public List<string>? Aliases { get; set; }

        public string? Source { get; set; }

        public string? LastReviewed { get; set; }

        public string? Lang { get; set; }
    }
}
