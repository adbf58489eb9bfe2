namespace ChatAdvisor.Web.Hosting;

/// <summary>Response headers that every page and API answer carries (see <see cref="SecurityHeaders"/>).</summary>
public sealed class SecurityHeadersOptions
{
    public const string SectionName = "SecurityHeaders";

    /// <summary>
    /// Origins (such as <c>https://www.agency.example</c>) whose pages may show the chat in an iframe. Empty by
    /// default: only this site may frame its own pages.
    /// </summary>
    public IList<string> FrameAncestors { get; set; } = [];

    /// <summary>Max-age of Strict-Transport-Security, sent outside Development on HTTPS requests. Default 365 days.</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <summary>True when every entry is a bare http(s) origin, the only form frame-ancestors takes here.</summary>
    public bool HasValidFrameAncestors() =>
        FrameAncestors.All(o => Uri.TryCreate(o, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && !o.Contains(' ', StringComparison.Ordinal) && !o.Contains(';', StringComparison.Ordinal));
}
