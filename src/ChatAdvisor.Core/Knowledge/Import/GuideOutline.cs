namespace ChatAdvisor.Knowledge.Import;

/// <summary>A paragraph or a bullet of a section, as plain text with whitespace collapsed.</summary>
internal readonly record struct TextBlock(string Text, bool IsBullet);

/// <summary>One headed section read from a page or document.</summary>
internal sealed record ImportedSection(string Heading, IReadOnlyList<TextBlock> Blocks);

/// <summary>
/// Collects a page's title and sections while a reader walks it. Text that comes before the first heading
/// goes to an <see cref="IntroHeading"/> section; sections that end up without text are left out.
/// </summary>
internal sealed class GuideOutline
{
    public const string IntroHeading = "Overview";

    private readonly List<(string Heading, List<TextBlock> Blocks)> _sections = [];

    public string? Title { get; set; }

    public IReadOnlyList<ImportedSection> Sections =>
        [.. _sections.Where(s => s.Blocks.Count > 0).Select(s => new ImportedSection(s.Heading, s.Blocks))];

    public void StartSection(string heading)
    {
        var text = TextBlocks.Collapse(heading);
        if (text.Length > 0)
        {
            _sections.Add((text, []));
        }
    }

    public void AddParagraph(string text) => Add(text, isBullet: false);

    public void AddBullet(string text) => Add(text, isBullet: true);

    private void Add(string text, bool isBullet)
    {
        var collapsed = TextBlocks.Collapse(text);
        if (collapsed.Length == 0)
        {
            return;
        }
        if (_sections.Count == 0)
        {
            _sections.Add((IntroHeading, []));
        }
        _sections[^1].Blocks.Add(new TextBlock(collapsed, isBullet));
    }
}
