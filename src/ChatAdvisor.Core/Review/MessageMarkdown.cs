using System.Globalization;
using System.Net;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ChatAdvisor.Review;

/// <summary>A numbered source of a bot message, as its <c>[n]: cite:n "Label"</c> reference line names it.</summary>
public sealed record MessageCitation(int Number, string Label);

/// <summary>A bot message as safe HTML for the portal, with its sources listed apart.</summary>
public sealed record RenderedMessage(string Html, IReadOnlyList<MessageCitation> Citations);

/// <summary>
/// Reads the bot's Markdown the way a recruiter should see it. Raw HTML in a message is never passed through (it stays
/// text), links go only to http(s), mailto or this site, images become their alt text (an external image would leak
/// the reader's visit), and the <c>cite:n</c> references that Web Chat turns into citation pop-ups become numbered
/// sources with the guide and section they name.
/// </summary>
public static class MessageMarkdown
{
    private const string CiteScheme = "cite:";

    private static readonly MarkdownPipeline s_pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>HTML for <paramref name="markdown"/>; each citation marker links to <c>#{anchorPrefix}{n}</c>.</summary>
    public static RenderedMessage ToHtml(string markdown, string anchorPrefix)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(anchorPrefix);
        var document = Markdown.Parse(markdown, s_pipeline);
        var citations = Citations(document);
        Rewrite(document, citations, (number, label) => new HtmlInline(string.Create(CultureInfo.InvariantCulture,
            $"<sup class=\"cite\"><a href=\"#{WebUtility.HtmlEncode(anchorPrefix)}{number}\" title=\"{WebUtility.HtmlEncode(label)}\">[{number}]</a></sup>")));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        s_pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return new RenderedMessage(writer.ToString().Trim(), citations.Values.ToList());
    }

    /// <summary>
    /// Plain text for exports: no Markdown syntax, list items with a bullet, a link's address after its text when it
    /// is absolute, and the sources at the end as "[1] Guide, Section".
    /// </summary>
    public static string ToPlainText(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, s_pipeline);
        var citations = Citations(document);
        Rewrite(document, citations, (number, _) => new LiteralInline(string.Create(CultureInfo.InvariantCulture, $"[{number}]")));
        var text = PlainText.Of(document);
        if (citations.Count == 0)
        {
            return text;
        }
        var sources = citations.Values.Select(c => string.Create(CultureInfo.InvariantCulture, $"[{c.Number}] {c.Label}"));
        return text + "\n\nSources:\n" + string.Join('\n', sources);
    }

    /// <summary>Whether a link may be followed from the portal: http(s), mailto, or a path or fragment on this site.</summary>
    internal static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }
        url = url.Trim();
        if (url.StartsWith('#') || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)))
        {
            return true;
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";
    }

    private static SortedDictionary<int, MessageCitation> Citations(MarkdownDocument document)
    {
        var citations = new SortedDictionary<int, MessageCitation>();
        foreach (var definition in document.Descendants<LinkReferenceDefinition>())
        {
            if (CiteNumber(definition.Url) is { } number)
            {
                var label = string.IsNullOrWhiteSpace(definition.Title) ? $"Source {number}" : definition.Title.Trim();
                citations.TryAdd(number, new MessageCitation(number, label));
            }
        }
        return citations;
    }

    private static int? CiteNumber(string? url) =>
        url is not null && url.StartsWith(CiteScheme, StringComparison.OrdinalIgnoreCase)
            && int.TryParse(url.AsSpan(CiteScheme.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <summary>Citation links become <paramref name="marker"/>; images and unsafe links give way to their text.</summary>
    private static void Rewrite(MarkdownDocument document, SortedDictionary<int, MessageCitation> citations, Func<int, string, Inline> marker)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (CiteNumber(link.Url) is { } number)
            {
                var label = citations.TryGetValue(number, out var citation) ? citation.Label : $"Source {number}";
                link.ReplaceBy(marker(number, label), copyChildren: false);
            }
            else if (link.IsImage || !IsSafeUrl(link.Url))
            {
                Unwrap(link);
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafeUrl(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url), copyChildren: false);
            }
        }
    }

    private static void Unwrap(ContainerInline container)
    {
        var child = container.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            container.InsertBefore(child);
            child = next;
        }
        container.Remove();
    }
}
