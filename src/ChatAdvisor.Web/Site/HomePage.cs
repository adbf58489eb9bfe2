using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatAdvisor.Cvs;
using ChatAdvisor.Knowledge;
using ChatAdvisor.Languages;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Site;

/// <summary>
/// The chat page: <c>HomePage.html</c> (embedded) in the browser's language (its Accept-Language among the
/// languages the knowledge has), with the privacy contact filled in. <c>{{page-…}}</c> placeholders are the page
/// words (<see cref="PageWords"/>), HTML-encoded; the script's own words go in as JSON.
/// </summary>
internal static partial class HomePage
{
    private static readonly Lazy<string> s_template = new(ReadTemplate);

    private static readonly string[] s_scriptWords = ["page-you", "page-files", "page-chat-failed", "page-ai-generated"];

    public static IResult Render(HttpContext context, KnowledgeBase knowledge, LanguageDetector languages, IOptions<SiteOptions> site)
    {
        var words = knowledge.Messages(PageLanguage.Of(context.Request, knowledge, languages));
        var html = Placeholder().Replace(s_template.Value, match => match.Groups[1].Value switch
        {
            "lang" => words.Language,
            "privacy-contact" => PrivacyContact.Html(site.Value),
            "privacy-url" => words.Language == "en" ? PrivacyNoticeStore.PublicPath : PrivacyNoticeStore.PublicPath + "?lang=" + words.Language,
            // In a script element: JSON with every <, > and & escaped, so no text can close the element.
            "page-words" => JsonSerializer.Serialize(s_scriptWords.ToDictionary(k => k, k => words.Get(k))),
            var key => WebUtility.HtmlEncode(words.Get(key)),
        });
        context.Response.Headers.Vary = "Accept-Language";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    private static string ReadTemplate()
    {
        using var stream = typeof(HomePage).Assembly.GetManifestResourceStream("ChatAdvisor.Web.Site.HomePage.html")
            ?? throw new InvalidOperationException("The embedded chat page Site/HomePage.html is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{\{([a-z-]+)\}\}")]
    private static partial Regex Placeholder();
}
