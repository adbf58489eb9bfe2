using ChatAdvisor.Web.Site;

namespace ChatAdvisor.Web.Bot;

/// <summary>
/// Links to this site's pages in the bot's messages. They must be absolute: Web Chat turns a link it cannot resolve
/// (such as <c>/privacy</c>) into an inert citation button, and other channels have no base address at all.
/// </summary>
internal static class SiteLinks
{
    /// <summary>
    /// <paramref name="path"/> on <see cref="SiteOptions.PublicBaseUrl"/> when set, else on the site the channel says
    /// the conversation runs on (<see cref="TurnChannel.Site"/>); as given when neither is known.
    /// </summary>
    public static string Absolute(TurnContext turn, SiteOptions site, string path) =>
        site.PublicBaseUrl is { } publicBase ? new Uri(publicBase, path).ToString()
            : turn.Channel.Site is { } onSite ? new Uri(onSite, path).ToString()
            : path;
}
