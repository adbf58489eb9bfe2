using System.Globalization;

namespace ChatAdvisor.Knowledge.Import;

/// <summary>
/// Turns a title and its headed sections, as read from a page or document, into a <see cref="KnowledgeDocument"/>.
/// Id, source and review date come from the file; the role comes from the title; front matter wins over both.
/// </summary>
internal static class ImportedGuideBuilder
{
    public static KnowledgeDocument Build(GuideOutline outline, string path, string file, ImportMetadata? metadata = null)
    {
        var sections = outline.Sections;
        if (sections.Count == 0)
        {
            throw new KnowledgeFormatException(file, 1, "no section with text was found");
        }
        var stem = System.IO.Path.GetFileNameWithoutExtension(path);
        var id = metadata?.Id ?? TextBlocks.Slug(stem);
        if (id.Length == 0)
        {
            throw new KnowledgeFormatException(file, 1, "no guide id can be made from the file name; give one in front matter");
        }
        var title = metadata?.Title ?? NonEmpty(outline.Title) ?? Humanize(stem);
        var role = metadata?.Role ?? RoleFromTitle(title);
        var reviewed = metadata?.LastReviewed ?? DateOnly.FromDateTime(File.GetLastWriteTimeUtc(path));
        var used = new HashSet<string>(StringComparer.Ordinal);
        var chunks = sections
            .Select(s => new Chunk(id, UniqueId(s.Heading, used), title, role, s.Heading, TextBlocks.ToMarkdown(s.Blocks), []))
            .ToList();
        return new KnowledgeDocument(id, title, role, metadata?.Aliases ?? [], metadata?.Source ?? System.IO.Path.GetFileName(path),
            reviewed, chunks);
    }

    /// <summary>"MLOps Engineers" gives "MLOps Engineer": a last word ending in "ers" loses its plural 's'.</summary>
    public static string RoleFromTitle(string title)
    {
        var trimmed = title.Trim();
        var lastWord = trimmed[(trimmed.LastIndexOf(' ') + 1)..];
        return lastWord.Length > 3 && lastWord.EndsWith("ers", StringComparison.OrdinalIgnoreCase) ? trimmed[..^1] : trimmed;
    }

    private static string UniqueId(string heading, HashSet<string> used)
    {
        var slug = TextBlocks.Slug(heading);
        var baseId = slug.Length > 0 ? slug : "section";
        var id = baseId;
        for (var n = 2; !used.Add(id); n++)
        {
            id = $"{baseId}-{n.ToString(CultureInfo.InvariantCulture)}";
        }
        return id;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : TextBlocks.Collapse(value);

    private static string Humanize(string stem)
    {
        var words = stem.Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }
}
