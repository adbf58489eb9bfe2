using ChatAdvisor.Web.Channels.BotFramework.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatAdvisor.Web.Tests.Connector;

/// <summary>Bot Connector tokens (see the Bot Framework authentication documentation) against a loopback OpenID server.</summary>
public sealed class ChannelTokenTests : IAsyncLifetime, IDisposable
{
    private readonly TestSigningKey _teamsKey = new("teams-key", "msteams", "webchat");
    private OpenIdServer _openId = null!;
    private IHost _host = null!;

    private BotTokenValidator Validator => _host.Services.GetRequiredService<BotTokenValidator>();

    public async Task InitializeAsync()
    {
        _openId = await OpenIdServer.StartAsync();
        _openId.AddChannelKey(_teamsKey);
        _host = ConnectorTestHost.Create(ConnectorTestHost.Settings(_openId));
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _openId.DisposeAsync();
    }

    public void Dispose() => _teamsKey.Dispose();

    [Fact]
    public async Task ValidChannelTokenIsAccepted()
    {
        var result = await AuthenticateAsync(TestTokens.Channel(_teamsKey));

        Assert.True(result.IsAuthenticated, result.Reason);
        Assert.False(result.IsAnonymous);
        Assert.Equal("urn:botframework:azure", result.CallerId);
        Assert.Equal(TestTokens.TenantId, result.TenantId);
        Assert.Equal(TestTokens.AppId, result.AppId);
        Assert.Equal(TestTokens.ServiceUrl, result.Identity?.FindFirst("serviceurl")?.Value);
    }

    [Fact]
    public async Task ServiceUrlIsComparedIgnoringCase()
    {
        var result = await Validator.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(_teamsKey)), "msteams", TestTokens.ServiceUrl.ToUpperInvariant(), default);

        Assert.True(result.IsAuthenticated, result.Reason);
    }

    [Fact]
    public async Task WrongIssuerIsRejected() =>
        AssertRejected(await AuthenticateAsync(TestTokens.Channel(_teamsKey, d => d.Issuer = "https://api.botframework.example")), "issuer");

    [Fact]
    public async Task WrongAudienceIsRejected() =>
        AssertRejected(await AuthenticateAsync(TestTokens.Channel(_teamsKey, d => d.Audience = "another-bot")), "audience");

    [Fact]
    public async Task TokenExpiredBeyondTheClockSkewIsRejected() =>
        AssertRejected(await AuthenticateAsync(TestTokens.Channel(_teamsKey, TestTokens.ExpiredAgo(TimeSpan.FromMinutes(6)))), "expired");

    [Fact]
    public async Task TokenExpiredWithinTheClockSkewIsAccepted()
    {
        var result = await AuthenticateAsync(TestTokens.Channel(_teamsKey, TestTokens.ExpiredAgo(TimeSpan.FromMinutes(4))));

        Assert.True(result.IsAuthenticated, result.Reason);
    }

    [Fact]
    public async Task UnsignedTokenIsRejected() =>
        AssertRejected(await AuthenticateAsync(TestTokens.Channel(_teamsKey, d => d.SigningCredentials = null)), "not signed");

    [Fact]
    public async Task Hs256TokenNamingAPublishedKeyIsRejected() =>
        AssertRejected(await AuthenticateAsync(TestTokens.Channel(_teamsKey, d => d.SigningCredentials = TestTokens.Hs256(_teamsKey.Kid))), "algorithm");

    [Fact]
    public async Task UnknownKeyIsRejectedAfterOneMetadataRefresh()
    {
        using var stranger = new TestSigningKey("unpublished", "msteams");

        AssertRejected(await AuthenticateAsync(TestTokens.Channel(stranger)), "signing key");
        Assert.Equal(2, _openId.KeyFetches(OpenIdServer.ChannelKeysPath));

        // Within the refresh interval a second unknown key does not fetch again.
        AssertRejected(await AuthenticateAsync(TestTokens.Channel(stranger)), "signing key");
        Assert.Equal(2, _openId.KeyFetches(OpenIdServer.ChannelKeysPath));
    }

    [Fact]
    public async Task KeyPublishedAfterStartIsAcceptedAfterRefresh()
    {
        Assert.True((await AuthenticateAsync(TestTokens.Channel(_teamsKey))).IsAuthenticated);
        using var rotated = new TestSigningKey("rotated-key", "msteams");
        _openId.AddChannelKey(rotated);

        var result = await AuthenticateAsync(TestTokens.Channel(rotated));

        Assert.True(result.IsAuthenticated, result.Reason);
        Assert.Equal(2, _openId.KeyFetches(OpenIdServer.ChannelKeysPath));
    }

    [Fact]
    public async Task ChannelMissingFromTheKeysEndorsementsIsRejected()
    {
        var result = await Validator.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(_teamsKey)), "slack", TestTokens.ServiceUrl, default);

        AssertRejected(result, "not endorsed");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task ActivityWithoutAChannelIdIsRejected(string? channelId)
    {
        var result = await Validator.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(_teamsKey)), channelId, TestTokens.ServiceUrl, default);

        AssertRejected(result, "no channelId");
    }

    [Fact]
    public async Task KeyWithoutEndorsementsIsRejected()
    {
        using var bare = new TestSigningKey("bare-key", endorsements: null);
        _openId.AddChannelKey(bare);

        AssertRejected(await AuthenticateAsync(TestTokens.Channel(bare)), "no endorsements");
    }

    [Fact]
    public async Task ServiceUrlClaimThatDiffersFromTheActivityIsRejected()
    {
        var result = await Validator.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(_teamsKey)), "msteams", "https://attacker.example/", default);

        AssertRejected(result, "serviceurl claim does not match");
    }

    [Fact]
    public async Task MissingServiceUrlClaimIsRejected() =>
        AssertRejected(await AuthenticateAsync(TestTokens.Channel(_teamsKey, d => d.Claims.Remove("serviceurl"))), "no serviceurl claim");

    [Fact]
    public async Task SkillTokenIsRejected()
    {
        var token = TestTokens.Channel(_teamsKey, d =>
        {
            d.Claims["ver"] = "1.0";
            d.Claims["appid"] = "calling-bot";
        });

        AssertRejected(await AuthenticateAsync(token), "Skill");
    }

    [Theory]
    [InlineData("bearer {0}")]
    [InlineData("Bearer  {0}")]
    [InlineData("Bearer")]
    [InlineData("Basic {0}")]
    public async Task HeaderThatIsNotBearerSpaceTokenIsRejected(string format)
    {
        var header = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, TestTokens.Channel(_teamsKey));

        AssertRejected(await Validator.AuthenticateAsync(header, "msteams", TestTokens.ServiceUrl, default), "Bearer <token>");
    }

    [Fact]
    public async Task NoHeaderIsRejectedWhenAuthenticationIsEnabled() =>
        AssertRejected(await Validator.AuthenticateAsync(null, "msteams", TestTokens.ServiceUrl, default), "No Authorization header");

    [Fact]
    public async Task UnreachableMetadataIsAnErrorNotARejection()
    {
        // Port 9 (discard) on loopback: connection refused. The endpoint should answer 5xx so the channel retries.
        using var host = ConnectorTestHost.Create(ConnectorTestHost.Settings());
        var validator = host.Services.GetRequiredService<BotTokenValidator>();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            validator.AuthenticateAsync(TestTokens.Bearer(TestTokens.Channel(_teamsKey)), "msteams", TestTokens.ServiceUrl, default));
    }

    private Task<BotAuthenticationResult> AuthenticateAsync(string token) =>
        Validator.AuthenticateAsync(TestTokens.Bearer(token), "msteams", TestTokens.ServiceUrl, default);

    internal static void AssertRejected(BotAuthenticationResult result, string reason)
    {
        Assert.False(result.IsAuthenticated);
        Assert.Contains(reason, result.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Null(result.Identity);
    }
}
