namespace ChatAdvisor.Knowledge.Import;

/// <summary>
/// Reads a role page saved as plain text (copied from the browser): the first line is the title, short
/// heading-like lines start sections, "•", "-" and "*" lines are bullets. Optional front matter as in the
/// Markdown guides overrides the derived id, title, role, aliases, source and review date.
/// </summary>
/// <remarks>
/// FAQ blocks whose questions were lost on copying ("Frequently Asked Questions about …" followed by bare
/// answers) stay one section with one paragraph per answer. Splitting them into "FAQ 1", "FAQ 2" … would give
/// headings that carry no words to match, fragments such as "Yes, …" or "Not always." that mean nothing on
/// their own, and very short sections that BM25 length normalisation pushes above the real sections. The
/// answerer already picks single sentences, so one section loses no precision. When the questions were kept
/// (a "…?" line before each answer), each question becomes its own section by the ordinary heading rule.
/// </remarks>
public static class PlainTextGuideReader
{
    public static KnowledgeDocument Read(string path, string file)
    {
        var text = File.ReadAllText(path);
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{file} is not a text file (it contains NUL bytes)");
        }
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var (metadata, bodyStart) = ImportFrontMatter.Read(lines, file);
        return ImportedGuideBuilder.Build(Outline(lines[bodyStart..]), path, file, metadata);
    }

    /// <summary>Splits page text into a title and sections (also used for web pages and documents without headings).</summary>
    internal static GuideOutline Outline(IReadOnlyList<string> lines)
    {
        var outline = new GuideOutline();
        var units = new List<Unit>();
        var blankBefore = true;
        foreach (var raw in lines)
        {
            var line = TextBlocks.Collapse(raw);
            if (line.Length == 0)
            {
                blankBefore = true;
                continue;
            }
            if (outline.Title is null)
            {
                outline.Title = TextBlocks.TryBullet(line, out var item) ? item : line;
            }
            else if (TextBlocks.TryBullet(line, out var bullet))
            {
                units.Add(new Unit(bullet, IsBullet: true, Wrapped: false));
            }
            else if (!blankBefore && units.Count > 0 && Continues(units[^1], raw))
            {
                units[^1] = units[^1] with { Text = $"{units[^1].Text} {line}", Wrapped = true };
            }
            else
            {
                units.Add(new Unit(line, IsBullet: false, Wrapped: false));
            }
            blankBefore = false;
        }
        for (var i = 0; i < units.Count; i++)
        {
            var unit = units[i];
            if (unit.IsBullet)
            {
                outline.AddBullet(unit.Text);
            }
            else if (!unit.Wrapped && i + 1 < units.Count && HeadingRules.LooksLikeHeading(unit.Text))
            {
                outline.StartSection(unit.Text);
            }
            else
            {
                outline.AddParagraph(unit.Text);
            }
        }
        return outline;
    }

    /// <summary>
    /// Whether a line with no blank line before it carries on the previous unit (a hard-wrapped paragraph or an
    /// indented bullet continuation) rather than starting a new one.
    /// </summary>
    private static bool Continues(Unit previous, string raw)
    {
        if (previous.IsBullet)
        {
            return char.IsWhiteSpace(raw[0]);
        }
        var last = previous.Text[^1];
        return last is not ('.' or '?' or '!' or ':' or ';') && (previous.Wrapped || !HeadingRules.LooksLikeHeading(previous.Text));
    }

    private sealed record Unit(string Text, bool IsBullet, bool Wrapped);
}
