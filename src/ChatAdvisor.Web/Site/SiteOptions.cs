using System.Net.Mail;

namespace ChatAdvisor.Web.Site;

public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>
    /// The public address of this site (for example <c>https://careers.example.eu/</c>), used for links the bot
    /// sends on channels other than the site's own chat, such as Teams. Optional for the built-in chat.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>
    /// How visitors reach the agency's privacy contact: an email address or an http(s) page. The privacy notice and
    /// the chat page show it (GDPR Art. 13 asks for the controller's contact details). Required outside Development;
    /// until it is set, the pages say that it has not been configured.
    /// </summary>
    public string? PrivacyContact { get; set; }

    /// <summary>The contact as a link target (<c>mailto:</c> or the page), or null when it is not set.</summary>
    public Uri? PrivacyContactLink => PrivacyContact switch
    {
        null or "" => null,
        var page when Uri.TryCreate(page, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" => uri,
        var email when MailAddress.TryCreate(email, out var address) && address.Address == email.Trim() => new Uri("mailto:" + address.Address),
        _ => null,
    };
}
