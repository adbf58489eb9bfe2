using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace ChatAdvisor.Knowledge.Import;

/// <summary>
/// Reads a role page saved as HTML: <c>h1</c> is the title, <c>h2</c>/<c>h3</c> start sections, paragraphs
/// and list items are their text. Site chrome (navigation, page header and footer, asides, scripts, styles,
/// forms, hidden elements) is skipped. A page with no section headings goes through the plain-text rules.
/// </summary>
public static class HtmlGuideReader
{
    private static readonly HashSet<string> s_skipped = new(StringComparer.Ordinal)
    {
        "nav", "header", "footer", "aside", "script", "style", "noscript", "template", "svg", "iframe", "form",
        "button", "select", "canvas", "object", "head",
    };

    private static readonly HashSet<string> s_skippedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "search",
    };

    private static readonly HashSet<string> s_inline = new(StringComparer.Ordinal)
    {
        "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img", "ins",
        "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr",
    };

    private static readonly HashSet<string> s_paragraphs = new(StringComparer.Ordinal)
    {
        "p", "dt", "dd", "figcaption", "pre", "caption", "h4", "h5", "h6", "summary", "address",
    };

    public static KnowledgeDocument Read(string path, string file)
    {
        var parser = new HtmlParser();
        using var stream = File.OpenRead(path);
        using var document = parser.ParseDocument(stream);
        var root = document.QuerySelector("main") ?? SingleArticle(document) ?? document.Body
            ?? throw new KnowledgeFormatException(file, 1, "the page has no body");
        var blocks = new List<PageBlock>();
        Walk(root, blocks);
        var fallbackTitle = blocks.Any(b => b.Kind == PageBlockKind.Title)
            ? null
            : NonEmpty(document.QuerySelector("h1")?.TextContent) ?? NonEmpty(document.Title?.Split('|')[0]);
        return ImportedGuideBuilder.Build(PageBlocks.ToOutline(blocks, fallbackTitle), path, file);
    }

    private static IElement? SingleArticle(IDocument document)
    {
        var articles = document.QuerySelectorAll("article");
        return articles.Length == 1 ? articles[0] : null;
    }

    /// <summary>Adds the blocks of a container; loose inline text between blocks becomes a paragraph.</summary>
    private static void Walk(INode container, List<PageBlock> blocks)
    {
        var inline = new StringBuilder();
        foreach (var node in container.ChildNodes)
        {
            if (node is not IElement element)
            {
                inline.Append(node.NodeType == NodeType.Text ? node.TextContent : "");
                continue;
            }
            if (IsSkipped(element))
            {
                continue;
            }
            if (s_inline.Contains(element.LocalName))
            {
                inline.Append(VisibleText(element)).Append(element.LocalName == "br" ? " " : "");
                continue;
            }
            Flush(inline, blocks);
            switch (element.LocalName)
            {
                case "h1":
                    blocks.Add(new PageBlock(PageBlockKind.Title, VisibleText(element)));
                    break;
                case "h2" or "h3":
                    blocks.Add(new PageBlock(PageBlockKind.Heading, VisibleText(element)));
                    break;
                case "li":
                    AddListItem(element, blocks);
                    break;
                case "tr":
                    blocks.Add(new PageBlock(PageBlockKind.Paragraph,
                        string.Join(" | ", element.Children.Select(VisibleText).Where(t => t.Length > 0))));
                    break;
                case var name when s_paragraphs.Contains(name):
                    blocks.Add(new PageBlock(PageBlockKind.Paragraph, VisibleText(element)));
                    break;
                default:
                    Walk(element, blocks);
                    break;
            }
        }
        Flush(inline, blocks);
    }

    /// <summary>A list item is a bullet of its own text; lists nested in it follow as further bullets.</summary>
    private static void AddListItem(IElement item, List<PageBlock> blocks)
    {
        blocks.Add(new PageBlock(PageBlockKind.Bullet, VisibleText(item, withLists: false)));
        foreach (var list in item.Children.Where(c => c.LocalName is "ul" or "ol" && !IsSkipped(c)))
        {
            Walk(list, blocks);
        }
    }

    private static void Flush(StringBuilder inline, List<PageBlock> blocks)
    {
        var text = TextBlocks.Collapse(inline.ToString());
        if (text.Length > 0)
        {
            blocks.Add(new PageBlock(PageBlockKind.Paragraph, text));
        }
        inline.Clear();
    }

    /// <summary>The text of an element without the text of skipped descendants (a script inside a paragraph).</summary>
    private static string VisibleText(IElement element) => VisibleText(element, withLists: true);

    private static string VisibleText(IElement element, bool withLists)
    {
        var text = new StringBuilder();
        foreach (var node in element.ChildNodes)
        {
            if (node is IElement child)
            {
                if (IsSkipped(child) || (!withLists && child.LocalName is "ul" or "ol"))
                {
                    continue;
                }
                // Inline markup joins its text to the words around it; block elements and <br> separate words.
                var separator = s_inline.Contains(child.LocalName) && child.LocalName != "br" ? "" : " ";
                text.Append(separator).Append(VisibleText(child, withLists)).Append(separator);
            }
            else if (node.NodeType == NodeType.Text)
            {
                text.Append(node.TextContent);
            }
        }
        return TextBlocks.Collapse(text.ToString());
    }

    private static bool IsSkipped(IElement element)
    {
        if (element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true"
            || s_skippedRoles.Contains(element.GetAttribute("role") ?? ""))
        {
            return true;
        }
        // A <header> inside <main> or <article> holds the content's own title, not the site banner.
        return s_skipped.Contains(element.LocalName) && !(element.LocalName == "header" && InContent(element));
    }

    private static bool InContent(IElement element)
    {
        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (parent.LocalName is "main" or "article")
            {
                return true;
            }
        }
        return false;
    }

    private static string? NonEmpty(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : TextBlocks.Collapse(text);
}
