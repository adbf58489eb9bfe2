using System.Text;
using System.Text.RegularExpressions;
using ChatAdvisor.Knowledge.Import;

namespace ChatAdvisor.Knowledge;

/// <summary>
/// Reads a Markdown guide: YAML front matter, one <c># Title</c>, then <c>## Heading {#id}</c> sections,
/// each optionally starting with an <c>Also asked: q1 | q2</c> line of alternate questions.
/// </summary>
public static partial class GuideParser
{
    private const string AlsoAsked = "Also asked:";

    public static KnowledgeDocument Parse(string markdown, string file)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var (front, bodyStart) = ReadFrontMatter(lines, file);
        var sections = new List<Chunk>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        string? heading = null, sectionId = null;
        var headingLine = 0;
        var questions = new List<string>();
        var body = new StringBuilder();

        void Flush()
        {
            if (heading is null)
            {
                return;
            }
            var text = body.ToString().Trim();
            if (text.Length == 0)
            {
                throw new KnowledgeFormatException(file, headingLine, $"section '{heading}' has no text");
            }
            sections.Add(new Chunk(front.Id!, sectionId!, front.Title!, front.Role!, heading, text, [.. questions]));
        }

        for (var i = bodyStart; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                (heading, sectionId) = ReadHeading(line[3..], file, i + 1);
                if (!ids.Add(sectionId))
                {
                    throw new KnowledgeFormatException(file, i + 1, $"section id '{sectionId}' is used twice");
                }
                headingLine = i + 1;
                questions.Clear();
                body.Clear();
            }
            else if (line.StartsWith("###", StringComparison.Ordinal))
            {
                throw new KnowledgeFormatException(file, i + 1, "only '#' and '##' headings are allowed");
            }
            else if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                continue;
            }
            else if (heading is not null && line.StartsWith(AlsoAsked, StringComparison.OrdinalIgnoreCase))
            {
                questions.AddRange(line[AlsoAsked.Length..]
                    .Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            else if (heading is not null)
            {
                body.Append(line).Append('\n');
            }
            else if (line.Trim().Length > 0)
            {
                throw new KnowledgeFormatException(file, i + 1, "text before the first '##' section");
            }
        }
        Flush();
        if (sections.Count == 0)
        {
            throw new KnowledgeFormatException(file, bodyStart + 1, "the guide has no '## ' sections");
        }
        return new KnowledgeDocument(front.Id!, front.Title!, front.Role!, front.Aliases ?? [], front.Source ?? "",
            front.LastReviewed!.Value, sections) { DeclaredLanguage = front.Language };
    }

    private static (ImportMetadata Front, int BodyStart) ReadFrontMatter(string[] lines, string file)
    {
        var (front, bodyStart) = ImportFrontMatter.Read(lines, file);
        if (front is null)
        {
            throw new KnowledgeFormatException(file, 1, "the file must start with '---' front matter");
        }
        if (front.Id is null || front.Title is null || front.Role is null)
        {
            throw new KnowledgeFormatException(file, 1, "front matter needs id, title and role");
        }
        if (front.LastReviewed is null)
        {
            throw new KnowledgeFormatException(file, 1, "front matter needs last_reviewed as yyyy-MM-dd");
        }
        return (front, bodyStart);
    }

    private static (string Heading, string Id) ReadHeading(string text, string file, int line)
    {
        var match = HeadingPattern().Match(text);
        if (!match.Success)
        {
            throw new KnowledgeFormatException(file, line, "a '##' heading must end with an id such as {#salary}");
        }
        return (match.Groups["text"].Value.Trim(), match.Groups["id"].Value);
    }

    [GeneratedRegex(@"^(?<text>.+?)\s*\{#(?<id>[a-z0-9]+(?:-[a-z0-9]+)*)\}\s*$")]
    private static partial Regex HeadingPattern();

}
