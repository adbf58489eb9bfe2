using System.Net;
using System.Net.Http.Headers;
using ChatAdvisor.Web.Bot.Connector;

namespace ChatAdvisor.Web.Tests.Connector;

/// <summary><c>Retry-After</c> handling and the trusted serviceUrl set (protocol notes §3.3–3.4), without I/O.</summary>
public sealed class ConnectorRetryTests
{
    private static readonly DateTimeOffset s_now = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RetryAfterInSecondsIsHonoured()
    {
        using var response = Throttled(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)));

        Assert.Equal(TimeSpan.FromSeconds(7), ConnectorRetryHandler.RetryDelay(response, 1, s_now));
    }

    [Fact]
    public void RetryAfterAsAnHttpDateIsHonoured()
    {
        using var response = Throttled(new RetryConditionHeaderValue(s_now.AddSeconds(12)));

        Assert.Equal(TimeSpan.FromSeconds(12), ConnectorRetryHandler.RetryDelay(response, 1, s_now));
    }

    [Fact]
    public void WithoutRetryAfterTheBackoffGrowsWithJitterUpTo20Seconds()
    {
        using var response = Throttled(null);

        var first = ConnectorRetryHandler.RetryDelay(response, 1, s_now);
        var late = ConnectorRetryHandler.RetryDelay(response, 9, s_now);

        Assert.InRange(first, TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2.4));
        Assert.InRange(late, TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(24));
    }

    [Fact]
    public void TrustedServiceUrlsIgnoreTrailingSlashAndHostCase()
    {
        var trusted = new TrustedServiceUrls();

        Assert.True(trusted.Add("https://smba.trafficmanager.net/amer/"));

        Assert.True(trusted.IsTrusted("https://SMBA.trafficmanager.net/amer"));
        Assert.False(trusted.IsTrusted("https://smba.trafficmanager.net/emea/"));
        Assert.False(trusted.IsTrusted("https://smba.trafficmanager.net.attacker.example/amer/"));
        Assert.False(trusted.IsTrusted(null));
    }

    [Theory]
    [InlineData("ftp://example.com/")]
    [InlineData("/relative")]
    [InlineData("https://user:pass@example.com/")]
    [InlineData("https://example.com/?next=elsewhere")]
    public void OnlyPlainHttpUrlsCanBeTrusted(string serviceUrl) => Assert.False(new TrustedServiceUrls().Add(serviceUrl));

    private static HttpResponseMessage Throttled(RetryConditionHeaderValue? retryAfter) =>
        new(HttpStatusCode.TooManyRequests) { Headers = { RetryAfter = retryAfter } };
}
