namespace ChatAdvisor.Knowledge.Import;

/// <summary>What a structured block is: the document title, a section heading, a paragraph or a bullet.</summary>
internal enum PageBlockKind
{
    Title,
    Heading,
    Paragraph,
    Bullet,
}

/// <summary>One block of a structured page or document, in reading order.</summary>
internal readonly record struct PageBlock(PageBlockKind Kind, string Text);

/// <summary>Turns the blocks of an HTML page or Word document into an outline.</summary>
internal static class PageBlocks
{
    /// <summary>
    /// With marked-up section headings (or several titles), those are the sections: the first title is the
    /// document title and any later one starts a section. Without them the text goes through the plain-text
    /// heading rules, the title (or <paramref name="fallbackTitle"/>) first.
    /// </summary>
    public static GuideOutline ToOutline(IReadOnlyList<PageBlock> blocks, string? fallbackTitle)
    {
        var titles = blocks.Count(b => b.Kind == PageBlockKind.Title);
        if (titles > 1 || blocks.Any(b => b.Kind == PageBlockKind.Heading))
        {
            var outline = new GuideOutline();
            foreach (var block in blocks)
            {
                switch (block.Kind)
                {
                    case PageBlockKind.Title when outline.Title is null:
                        outline.Title = TextBlocks.Collapse(block.Text);
                        break;
                    case PageBlockKind.Title or PageBlockKind.Heading:
                        outline.StartSection(block.Text);
                        break;
                    case PageBlockKind.Bullet:
                        outline.AddBullet(block.Text);
                        break;
                    default:
                        outline.AddParagraph(block.Text);
                        break;
                }
            }
            outline.Title ??= fallbackTitle;
            return outline;
        }
        var lines = new List<string>();
        var body = blocks.Where(b => b.Kind != PageBlockKind.Title).ToList();
        var title = blocks.Where(b => b.Kind == PageBlockKind.Title).Select(b => b.Text).FirstOrDefault();
        // Without a marked-up title the first line of text is the title, as in a text page, unless it reads like
        // prose rather than a title; then the document's own title (HTML <title>, Word properties) is used.
        if (title is null && !(body.Count > 0 && body[0].Kind == PageBlockKind.Paragraph && HeadingRules.LooksLikeHeading(body[0].Text)))
        {
            title = fallbackTitle;
        }
        if (!string.IsNullOrWhiteSpace(title))
        {
            lines.AddRange([title, ""]);
        }
        foreach (var block in body)
        {
            lines.AddRange([block.Kind == PageBlockKind.Bullet ? $"- {block.Text}" : block.Text, ""]);
        }
        return PlainTextGuideReader.Outline(lines);
    }
}
