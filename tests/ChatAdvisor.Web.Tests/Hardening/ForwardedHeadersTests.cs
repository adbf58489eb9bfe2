using System.Net;
using ChatAdvisor.Web.Tests.Infrastructure;

namespace ChatAdvisor.Web.Tests.Hardening;

/// <summary>X-Forwarded-For is believed only from configured proxies, so rotating it does not buy a fresh rate-limit bucket.</summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task RotatingXForwardedForDoesNotEscapeTheTokenLimitByDefault()
    {
        using var app = new ChatAdvisorApp();
        using var http = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 31; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webchat/token");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses[..30], s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[30]);
    }

    [Fact]
    public void AProxyThatIsNotAnAddressIsRefusedAtStart()
    {
        using var app = new ChatAdvisorApp(new Dictionary<string, string?> { ["ForwardedHeaders:KnownNetworks:0"] = "everyone" });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("ForwardedHeaders:KnownProxies", error.ToString(), StringComparison.Ordinal);
    }
}
