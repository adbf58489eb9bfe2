namespace ChatAdvisor.Web.Site;

public sealed class SiteOptions
{
    public const string SectionName = "Site";

    /// <summary>
    /// The public address of this site (for example <c>https://careers.example.eu/</c>), used for links the bot
    /// sends on channels other than the site's own chat, such as Teams. Optional for the built-in chat.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
