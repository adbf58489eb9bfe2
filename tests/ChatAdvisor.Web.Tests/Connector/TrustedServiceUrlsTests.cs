using ChatAdvisor.Web.Channels.BotFramework.Connector;

namespace ChatAdvisor.Web.Tests.Connector;

/// <summary>The trusted serviceUrl set (see the Bot Connector API documentation), without I/O. Retries are tested against a sink in ConnectorClientTests.</summary>
public sealed class TrustedServiceUrlsTests
{
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
}
