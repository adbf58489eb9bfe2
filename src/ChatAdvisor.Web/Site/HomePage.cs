using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Site;

/// <summary>The chat page: <c>HomePage.html</c> (embedded) with the privacy contact filled in.</summary>
internal static class HomePage
{
    private const string ContactPlaceholder = "{{privacy-contact}}";

    private static readonly Lazy<string> s_template = new(ReadTemplate);

    public static IResult Render(IOptions<SiteOptions> site) =>
        Results.Content(s_template.Value.Replace(ContactPlaceholder, PrivacyContact.Html(site.Value), StringComparison.Ordinal), "text/html; charset=utf-8");

    private static string ReadTemplate()
    {
        using var stream = typeof(HomePage).Assembly.GetManifestResourceStream("ChatAdvisor.Web.Site.HomePage.html")
            ?? throw new InvalidOperationException("The embedded chat page Site/HomePage.html is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
