using System.Net;

namespace ChatAdvisor.Web.Site;

/// <summary>The privacy contact as the site's pages (the chat page and the privacy notice) show it.</summary>
internal static class PrivacyContact
{
    public const string NotConfigured = "not configured yet (the operator sets Site:PrivacyContact)";

    /// <summary>A link to the contact, or a plain note that none is configured; HTML-encoded.</summary>
    public static string Html(SiteOptions site) =>
        site.PrivacyContactLink is { } link
            ? $"""<a class="privacy-contact" href="{WebUtility.HtmlEncode(link.ToString())}">{WebUtility.HtmlEncode(site.PrivacyContact!.Trim())}</a>"""
            : $"""<span class="privacy-contact">{WebUtility.HtmlEncode(NotConfigured)}</span>""";
}
