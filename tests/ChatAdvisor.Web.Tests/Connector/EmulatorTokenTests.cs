using ChatAdvisor.Web.Channels.BotFramework.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatAdvisor.Web.Tests.Connector;

/// <summary>Emulator/AAD tokens (see the Bot Framework authentication documentation) and the no-app-id mode (§2.7).</summary>
public sealed class EmulatorTokenTests : IAsyncLifetime, IDisposable
{
    private readonly TestSigningKey _aadKey = new("aad-key", endorsements: null);
    private OpenIdServer _openId = null!;
    private IHost _host = null!;

    private BotTokenValidator Validator => _host.Services.GetRequiredService<BotTokenValidator>();

    public async Task InitializeAsync()
    {
        _openId = await OpenIdServer.StartAsync();
        _openId.AddEmulatorKey(_aadKey);
        _host = ConnectorTestHost.Create(ConnectorTestHost.Settings(_openId));
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _openId.DisposeAsync();
    }

    public void Dispose() => _aadKey.Dispose();

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task EmulatorTokenWithThisBotsAppIdIsAccepted(string version)
    {
        // The Emulator's serviceUrl is http://localhost and its keys carry no endorsements: neither is checked.
        var result = await Validator.AuthenticateAsync(TestTokens.Bearer(TestTokens.Emulator(_aadKey, version)), "emulator", "http://localhost:50123", default);

        Assert.True(result.IsAuthenticated, result.Reason);
        Assert.Equal("urn:botframework:azure", result.CallerId);
        Assert.Equal(0, _openId.KeyFetches(OpenIdServer.ChannelKeysPath));
    }

    [Fact]
    public async Task EmulatorTokenForTheApiUriAudienceIsAccepted()
    {
        var token = TestTokens.Emulator(_aadKey, "2.0", change: d => d.Audience = $"api://{TestTokens.AppId}");

        Assert.True((await AuthenticateAsync(token)).IsAuthenticated);
    }

    [Fact]
    public async Task V2TokenFromAnotherAzpIsRejected()
    {
        // Another app calling this bot's audience is exactly what a skill token looks like (see the Bot Framework authentication documentation).
        var token = TestTokens.Emulator(_aadKey, "2.0", callerAppId: "another-bot");

        ChannelTokenTests.AssertRejected(await AuthenticateAsync(token), "Skill");
    }

    [Fact]
    public async Task V1TokenWithoutAppIdIsRejected()
    {
        var token = TestTokens.Emulator(_aadKey, "1.0", change: d => d.Claims.Remove("appid"));

        ChannelTokenTests.AssertRejected(await AuthenticateAsync(token), "appid claim");
    }

    [Fact]
    public async Task EmulatorTokenWithoutVersionIsRejected()
    {
        var token = TestTokens.Emulator(_aadKey, "1.0", change: d => d.Claims.Remove("ver"));

        ChannelTokenTests.AssertRejected(await AuthenticateAsync(token), "'ver'");
    }

    [Fact]
    public async Task EmulatorTokenForAnotherAudienceIsRejected()
    {
        // Without "ver" the token is not classified as a skill token, so it reaches the audience rule.
        var token = TestTokens.Emulator(_aadKey, "1.0", change: d =>
        {
            d.Audience = "https://graph.microsoft.com";
            d.Claims.Remove("ver");
        });

        ChannelTokenTests.AssertRejected(await AuthenticateAsync(token), "audience");
    }

    [Fact]
    public async Task NoHeaderIsAnonymousWhenAuthenticationIsDisabled()
    {
        using var host = DisabledHost();

        var result = await host.Services.GetRequiredService<BotTokenValidator>().AuthenticateAsync(null, "emulator", "http://localhost:50123", default);

        Assert.True(result.IsAuthenticated);
        Assert.True(result.IsAnonymous);
        Assert.Null(result.CallerId);
    }

    [Fact]
    public async Task TokenIsRejectedWhenAuthenticationIsDisabled()
    {
        using var host = DisabledHost();
        var header = TestTokens.Bearer(TestTokens.Emulator(_aadKey, "1.0"));

        var result = await host.Services.GetRequiredService<BotTokenValidator>().AuthenticateAsync(header, "emulator", "http://localhost:50123", default);

        ChannelTokenTests.AssertRejected(result, "authentication is disabled");
    }

    private Task<BotAuthenticationResult> AuthenticateAsync(string token) =>
        Validator.AuthenticateAsync(TestTokens.Bearer(token), "emulator", "http://localhost:50123", default);

    private IHost DisabledHost()
    {
        var settings = ConnectorTestHost.Settings(_openId);
        settings.Remove("Bot:AppId");
        settings.Remove("Bot:AppPassword");
        return ConnectorTestHost.Create(settings);
    }
}
