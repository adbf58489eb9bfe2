using System.Text.RegularExpressions;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Whether a link target in a document reaches beyond the candidate's own files: a URL with a scheme other than a
/// local <c>file:</c> one, a network share (<c>\\server\share</c>, which also leaks the reader's Windows credentials),
/// or a protocol-relative <c>//host/…</c>. Drive letters (<c>C:\…</c>) and relative part names are local.
/// </summary>
internal static partial class RemoteTarget
{
    public static bool IsRemote(string target)
    {
        var value = Unescape(target.Trim().Trim('"', '\'').Trim()).Replace('\\', '/');
        if (value.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }
        var scheme = Scheme().Match(value);
        if (!scheme.Success || scheme.Length == 2)
        {
            return false; // no scheme, or a drive letter such as C:
        }
        if (!scheme.Groups[1].Value.Equals("file", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var path = value[scheme.Length..];
        if (!path.StartsWith("//", StringComparison.Ordinal))
        {
            return false; // file:/C:/… or file:C:/…
        }
        var host = path[2..].Split('/')[0];
        return host.Length > 0 && !host.Equals("localhost", StringComparison.OrdinalIgnoreCase);
    }

    private static string Unescape(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value);
        }
        catch (UriFormatException)
        {
            return value;
        }
    }

    [GeneratedRegex("^([a-z][a-z0-9+.-]*):", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Scheme();
}
