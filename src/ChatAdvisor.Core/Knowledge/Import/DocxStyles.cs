using DocumentFormat.OpenXml.Wordprocessing;

namespace ChatAdvisor.Knowledge.Import;

/// <summary>
/// Maps paragraph style ids to block kinds by the styles' names ("Title", "heading 2", "List Paragraph"),
/// following "based on" links so a custom style built on Heading 2 counts as a heading.
/// </summary>
internal sealed class DocxStyles
{
    private const int MaxBasedOnDepth = 10;

    private readonly Dictionary<string, Style> _byId = new(StringComparer.Ordinal);

    public DocxStyles(Styles? styles)
    {
        foreach (var style in styles?.Elements<Style>() ?? [])
        {
            if (style.StyleId?.Value is { } id && (style.Type is null || style.Type.Value == StyleValues.Paragraph))
            {
                _byId.TryAdd(id, style);
            }
        }
    }

    /// <summary>Whether the style is a table-of-contents entry ("toc 1" …), which repeats the headings.</summary>
    public bool IsTableOfContents(string? styleId) =>
        styleId is not null && NameOf(styleId).StartsWith("TOC", StringComparison.Ordinal);

    public PageBlockKind KindOf(string? styleId)
    {
        var id = styleId;
        for (var depth = 0; id is not null && depth < MaxBasedOnDepth; depth++)
        {
            var style = _byId.GetValueOrDefault(id);
            var kind = KindOfName(NameOf(id));
            if (kind is not null)
            {
                return kind.Value;
            }
            id = style?.BasedOn?.Val?.Value;
        }
        return PageBlockKind.Paragraph;
    }

    /// <summary>The style's name, upper case without spaces ("HEADING2"); without a styles entry, the id itself.</summary>
    private string NameOf(string styleId) =>
        (_byId.GetValueOrDefault(styleId)?.StyleName?.Val?.Value ?? styleId)
            .Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    private static PageBlockKind? KindOfName(string name) =>
        name switch
        {
            "TITLE" or "HEADING1" => PageBlockKind.Title,
            "HEADING2" or "HEADING3" => PageBlockKind.Heading,
            var n when n.StartsWith("LIST", StringComparison.Ordinal) && !n.StartsWith("LISTCONTINUE", StringComparison.Ordinal) => PageBlockKind.Bullet,
            "NORMAL" or "BODYTEXT" => PageBlockKind.Paragraph,
            _ => null,
        };
}
