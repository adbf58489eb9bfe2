using ChatAdvisor.Web.Channels.BotFramework.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatAdvisor.Web.Tests.Connector;

/// <summary>The bot's outbound token through MSAL (see the Bot Connector API documentation), against a loopback token endpoint.</summary>
public sealed class BotTokenProviderTests : IAsyncLifetime
{
    private TokenServer _tokens = null!;

    public async Task InitializeAsync() => _tokens = await TokenServer.StartAsync();

    public async Task DisposeAsync() => await _tokens.DisposeAsync();

    [Fact]
    public async Task MultiTenantBotUsesClientCredentialsAndTheTokenCache()
    {
        using var host = CreateHost(ConnectorTestHost.Settings());
        var provider = host.Services.GetRequiredService<BotTokenProvider>();

        var first = await provider.GetTokenAsync(default);
        var second = await provider.GetTokenAsync(default);

        Assert.Equal("token-1", first);
        Assert.Equal("token-1", second);
        var request = Assert.Single(_tokens.Server.Requests);
        Assert.Equal("POST /botframework.com/oauth2/v2.0/token", $"{request.Method} {request.PathAndQuery}");
        var form = TokenServer.Form(request);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(TestTokens.AppId, form["client_id"]);
        Assert.Equal("test-secret", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task ForcedRefreshSkipsTheCache()
    {
        using var host = CreateHost(ConnectorTestHost.Settings());
        var provider = host.Services.GetRequiredService<BotTokenProvider>();

        Assert.Equal("token-1", await provider.GetTokenAsync(default));
        Assert.Equal("token-2", await provider.GetTokenAsync(forceRefresh: true, default));
        Assert.Equal(2, _tokens.Server.Requests.Count);
    }

    [Fact]
    public async Task SingleTenantBotAsksItsOwnTenant()
    {
        var settings = ConnectorTestHost.Settings();
        settings["Bot:AppType"] = "SingleTenant";
        settings["Bot:TenantId"] = TestTokens.TenantId;
        using var host = CreateHost(settings);

        Assert.Equal("token-1", await host.Services.GetRequiredService<BotTokenProvider>().GetTokenAsync(default));
        Assert.Equal($"/{TestTokens.TenantId}/oauth2/v2.0/token", Assert.Single(_tokens.Server.Requests).PathAndQuery);
    }

    [Fact]
    public async Task ManagedIdentityBotAsksTheIdentityEndpointForTheBotFrameworkResource()
    {
        var settings = ConnectorTestHost.Settings();
        settings.Remove("Bot:AppPassword");
        settings["Bot:AppType"] = "UserAssignedMsi";
        settings["Bot:TenantId"] = TestTokens.TenantId;
        using var host = CreateHost(settings);
        var provider = host.Services.GetRequiredService<BotTokenProvider>();

        Assert.Equal("token-1", await provider.GetTokenAsync(default));
        Assert.Equal("token-1", await provider.GetTokenAsync(default));

        // MSAL found no App Service or other host variables, so it used IMDS (redirected here from 169.254.169.254).
        var request = Assert.Single(_tokens.Server.Requests);
        Assert.StartsWith("GET /metadata/identity/oauth2/token?", $"{request.Method} {request.PathAndQuery}", StringComparison.Ordinal);
        Assert.Contains("resource=https://api.botframework.com&", request.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains($"client_id={TestTokens.AppId}", request.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("true", request.Headers["Metadata"]);
    }

    [Fact]
    public async Task NoTokenWhenAuthenticationIsDisabled()
    {
        using var host = CreateHost(new Dictionary<string, string?>());

        Assert.Null(await host.Services.GetRequiredService<BotTokenProvider>().GetTokenAsync(default));
        Assert.Empty(_tokens.Server.Requests);
    }

    private IHost CreateHost(Dictionary<string, string?> settings) =>
        ConnectorTestHost.Create(settings, services => services.AddHttpClient(MsalHttpClientFactory.HttpClientName)
            .AddHttpMessageHandler(() => new LoopbackRedirectHandler(_tokens.Server.BaseAddress)));
}
