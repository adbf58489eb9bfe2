using System.Net;
using System.Text.RegularExpressions;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.Portal;

/// <summary>
/// One browser-like session with the portal over the test server: cookies kept, redirects not followed, and every
/// form post preceded by a GET of its page for the antiforgery token, as a browser would.
/// </summary>
public sealed partial class PortalSession : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly List<string> _setCookies = [];

    public PortalSession(ChatAdvisorApp app)
    {
        _http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        // The authenticator app agrees with the portal's clock, which a test may have set.
        _time = app.Services.GetRequiredService<TimeProvider>();
    }

    /// <summary>
    /// A session with a real host process (Production: HTTPS only, Secure cookies) reached as a TLS-terminating proxy
    /// on loopback would forward it: plain HTTP with <c>X-Forwarded-Proto: https</c>, which the host trusts from
    /// 127.0.0.1 (<c>ForwardedHeaders__KnownProxies__0</c>). Cookies are kept by name and sent back on every request.
    /// </summary>
    public PortalSession(Uri baseAddress, TimeProvider time)
    {
        _http = new HttpClient(new BehindTlsProxy()) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        _time = time;
    }

    public HttpClient Http => _http;

    /// <summary>Every Set-Cookie header the portal sent in this session.</summary>
    public IReadOnlyList<string> SetCookies => _setCookies;

    public async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path)
    {
        var response = await _http.GetAsync(path);
        Record(response);
        return (response, await response.Content.ReadAsStringAsync());
    }

    public Task<(HttpResponseMessage Response, string Html)> PostFormAsync(string path, IDictionary<string, string> fields, string? handler = null) =>
        PostFormAsync(path, handler is null ? path : $"{path}?handler={handler}", fields);

    /// <summary>
    /// Posts a form to <paramref name="postPath"/> with the antiforgery token of <paramref name="pagePath"/>, as a
    /// browser would after loading that page; fields may repeat (such as checkboxes).
    /// </summary>
    public async Task<(HttpResponseMessage Response, string Html)> PostFormAsync(string pagePath, string postPath, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var (page, html) = await GetAsync(pagePath);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {pagePath} answered {(int)page.StatusCode} {page.Headers.Location}");
        var token = AntiforgeryField().Match(html);
        Assert.True(token.Success, $"{pagePath} has no antiforgery token.");
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))));
        var response = await _http.PostAsync(postPath, content);
        Record(response);
        return (response, await response.Content.ReadAsStringAsync());
    }

    public async Task<HttpResponseMessage> SignInWithPasswordAsync(PortalAccount account, string? password = null) =>
        (await PostFormAsync("/portal/login", new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = password ?? account.Password,
        })).Response;

    /// <summary>First sign-in: password, then the authenticator set up with the key the page shows.</summary>
    public async Task<Enrolment> EnrolAsync(PortalAccount account)
    {
        AssertRedirect(await SignInWithPasswordAsync(account), "/portal/setup-2fa");
        return await CompleteEnrolmentAsync();
    }

    /// <summary>After the password step: reads the key from the set-up page and confirms it with a computed code.</summary>
    public async Task<Enrolment> CompleteEnrolmentAsync()
    {
        var (setup, html) = await GetAsync("/portal/setup-2fa");
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        var key = SharedKey().Match(html).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        var uri = WebUtility.HtmlDecode(AuthenticatorUri().Match(html).Groups[1].Value);
        var (confirmed, codesHtml) = await PostFormAsync("/portal/setup-2fa", new Dictionary<string, string> { ["code"] = Totp.NextCode(key, _time.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        return new Enrolment(key, uri, [.. RecoveryCode().Matches(codesHtml).Select(m => m.Groups[1].Value)]);
    }

    /// <summary>A later sign-in: password, then a code from the enrolled authenticator.</summary>
    public async Task<HttpResponseMessage> SignInAsync(PortalAccount account, string sharedKey)
    {
        AssertRedirect(await SignInWithPasswordAsync(account), "/portal/login-2fa");
        var (response, _) = await PostFormAsync("/portal/login-2fa", new Dictionary<string, string> { ["code"] = Totp.NextCode(sharedKey, _time.GetUtcNow()) });
        return response;
    }

    public Task<(HttpResponseMessage Response, string Html)> SignOutAsync() => PostFormAsync("/portal/logout", new Dictionary<string, string>());

    public static void AssertRedirect(HttpResponseMessage response, string location)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect to {location}, got {(int)response.StatusCode}.");
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    public void Dispose() => _http.Dispose();

    private void Record(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            _setCookies.AddRange(cookies);
        }
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="([^"]+)"[^>]*>""")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("""id="shared-key"[^>]*>([A-Z2-7 ]+)</code>""")]
    private static partial Regex SharedKey();

    [GeneratedRegex("""id="authenticator-uri"[^>]*>([^<]+)</code>""")]
    private static partial Regex AuthenticatorUri();

    [GeneratedRegex("""<li><code>([A-Za-z0-9]{5}-[A-Za-z0-9]{5})</code></li>""")]
    private static partial Regex RecoveryCode();
}

/// <summary>Stands in for the browser's cookie jar and the TLS proxy's forwarding header (see the constructor that uses it).</summary>
internal sealed class BehindTlsProxy() : DelegatingHandler(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Add("X-Forwarded-Proto", "https");
        lock (_cookies)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            lock (_cookies)
            {
                foreach (var cookie in cookies)
                {
                    var pair = cookie.Split(';', 2)[0];
                    var (name, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
                    if (value.Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                    {
                        _cookies.Remove(name);
                    }
                    else
                    {
                        _cookies[name] = value;
                    }
                }
            }
        }
        return response;
    }
}

/// <summary>What the enrolment page showed: the authenticator key and URI, then the recovery codes.</summary>
public sealed record Enrolment(string SharedKey, string Uri, IReadOnlyList<string> RecoveryCodes);
