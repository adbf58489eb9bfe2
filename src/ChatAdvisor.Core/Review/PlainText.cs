using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ChatAdvisor.Review;

/// <summary>
/// Writes a parsed Markdown document as the text a reader sees: paragraphs apart, list items bulleted, emphasis and
/// code marks dropped. Markdig's own plain-text output drops list bullets, which makes exported answers hard to read.
/// </summary>
internal static class PlainText
{
    public static string Of(MarkdownDocument document)
    {
        var text = new StringBuilder();
        WriteBlocks(text, document);
        return text.ToString().Trim();
    }

    private static void WriteBlocks(StringBuilder text, ContainerBlock container)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case LinkReferenceDefinitionGroup:
                    break;
                case ListBlock list:
                    Separate(text);
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var marker = list.IsOrdered ? $"{item.Order}. " : "• ";
                        var inner = new StringBuilder();
                        WriteBlocks(inner, item);
                        var lines = inner.ToString().Trim('\n').Split('\n');
                        text.Append(marker).Append(lines[0]).Append('\n');
                        foreach (var line in lines.Skip(1))
                        {
                            text.Append(line.Length == 0 ? "" : new string(' ', marker.Length) + line).Append('\n');
                        }
                    }
                    break;
                case ContainerBlock nested:
                    WriteBlocks(text, nested);
                    break;
                case LeafBlock leaf:
                    Separate(text);
                    if (leaf.Inline is { } inline)
                    {
                        WriteInlines(text, inline);
                    }
                    else
                    {
                        text.AppendJoin('\n', leaf.Lines.Lines.Take(leaf.Lines.Count).Select(l => l.Slice.ToString()));
                    }
                    text.Append('\n');
                    break;
            }
        }
    }

    /// <summary>A blank line between a block and the one before it.</summary>
    private static void Separate(StringBuilder text)
    {
        if (text.Length > 0 && !(text.Length >= 2 && text[^1] == '\n' && text[^2] == '\n'))
        {
            text.Append(text[^1] == '\n' ? "\n" : "\n\n");
        }
    }

    private static void WriteInlines(StringBuilder text, ContainerInline container)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append('\n');
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case LinkInline link:
                    WriteInlines(text, link);
                    if (link.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
                    {
                        text.Append(" (").Append(url).Append(')');
                    }
                    break;
                case ContainerInline nested:
                    WriteInlines(text, nested);
                    break;
                case HtmlInline html:
                    text.Append(html.Tag);
                    break;
            }
        }
    }
}
