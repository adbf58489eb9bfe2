using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace ChatAdvisor.Web.Channels.BotFramework.Connector;

/// <summary>
/// The serviceUrls the bot may send to (see the Bot Connector API documentation). The messaging endpoint adds one only after an
/// activity from it was authenticated (its token's <c>serviceurl</c> claim matched), or came over loopback while
/// authentication is disabled; <see cref="ConnectorClient"/> sends nowhere else, so the bot's token cannot be
/// steered to another host.
/// </summary>
public sealed class TrustedServiceUrls
{
    private readonly ConcurrentDictionary<string, byte> _urls = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Trusts <paramref name="serviceUrl"/>; false when it is not an absolute http(s) URL.</summary>
    public bool Add(string? serviceUrl)
    {
        if (!TryNormalize(serviceUrl, out var key))
        {
            return false;
        }
        _urls.TryAdd(key, 0);
        return true;
    }

    public bool IsTrusted(string? serviceUrl) => TryNormalize(serviceUrl, out var key) && _urls.ContainsKey(key);

    // "https://x/amer" and "https://x/amer/" are the same base (the client appends "/" before "v3/...").
    private static bool TryNormalize(string? serviceUrl, [NotNullWhen(true)] out string? key)
    {
        key = null;
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }
        key = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return true;
    }
}
