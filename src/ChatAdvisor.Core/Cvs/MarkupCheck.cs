using System.Text.RegularExpressions;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Tells markup from plain text. A text CV is refused when it is a markup document (it opens, after a byte-order mark
/// and whitespace, with a declaration, a comment or a known HTML/SVG element, or with an element it later closes),
/// or when it carries anything a browser would run wherever it sits: a script-capable element (<c>&lt;script</c>,
/// <c>&lt;iframe</c>, <c>&lt;object</c>…), an event-handler or script-URL attribute inside a tag, or a
/// <c>javascript:</c> URL. Words are not markup: "JavaScript and HTML", "a &lt; b", "&lt;3" and
/// "JavaScript: React" pass; only a scheme glued to what follows (<c>javascript:alert(1)</c>) counts as a URL.
/// All expressions run without backtracking, so the time is linear in the text.
/// </summary>
internal static partial class MarkupCheck
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    private static readonly HashSet<string> s_documentElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "head", "body", "svg", "script", "style", "meta", "link", "title", "div", "span", "p", "a", "b", "i", "u",
        "br", "hr", "img", "table", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "iframe", "form", "object",
        "embed", "math", "xml", "xsl:stylesheet", "rss", "feed", "base", "section", "article", "main", "header", "footer",
    };

    /// <summary>True when <paramref name="text"/> is markup rather than a plain-text CV.</summary>
    public static bool IsMarkup(string text) => StartsAsMarkup(text) || ContainsActiveMarkup(text);

    /// <summary>Markup a browser would run or treat as a document wherever it appears, e.g. inside another format.</summary>
    public static bool ContainsActiveMarkup(string text) =>
        ActiveElement().IsMatch(text) || ActiveAttribute().IsMatch(text) || ScriptUrl().IsMatch(text);

    private static bool StartsAsMarkup(string text)
    {
        var body = text.AsSpan().TrimStart('\uFEFF').TrimStart();
        if (body.Length < 2 || body[0] != '<')
        {
            return false;
        }
        if (body[1] is '!' or '?')
        {
            return true; // <!DOCTYPE, <!-- comment -->, <![CDATA[, <?xml …?>
        }
        var match = OpeningTag().Match(body[..Math.Min(body.Length, 200)].ToString());
        if (!match.Success)
        {
            return false;
        }
        var element = match.Groups[1].Value;
        return s_documentElements.Contains(element) || text.Contains("</" + element, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"^<([a-z][a-z0-9:_.-]*)(?:[\s/>]|$)", Options)]
    private static partial Regex OpeningTag();

    [GeneratedRegex(@"<(?:script|iframe|frame|frameset|object|embed|applet|base|meta|link|html|svg:script)(?:[\s/>]|$)|<!doctype\s+html|<\?xml[\s?]", Options)]
    private static partial Regex ActiveElement();

    /// <summary>
    /// Inside a tag: an event handler (<c>onload=</c>, <c>onerror=</c>…), a script or data URL (browsers drop the
    /// whitespace in <c>java script:</c>), or a value opening with a character reference (<c>&amp;#106;avascript:</c>).
    /// </summary>
    [GeneratedRegex(@"<[a-z][a-z0-9:_-]*(?:[\s/][^<>]*)?(?:[\s/""']on[a-z]{3,}\s*=|=\s*[""']?\s*(?:j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|vbscript|data)\s*:|=\s*[""']?\s*&#)", Options)]
    private static partial Regex ActiveAttribute();

    [GeneratedRegex(@"(?:javascript|vbscript):[^\s]|data:(?:text/html|image/svg\+xml|application/x?html)", Options)]
    private static partial Regex ScriptUrl();
}
