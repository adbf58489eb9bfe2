using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatAdvisor.Data;
using ChatAdvisor.Web.Channels.BotFramework;
using ChatAdvisor.Web.Channels.BotFramework.Connector;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ChatAdvisor.Web.Tests.Connector;

/// <summary>
/// The real host as Azure Bot Service sees it: an app id and secret, Bot Connector metadata and keys from a loopback
/// <see cref="OpenIdServer"/>, its outbound token from a loopback <see cref="TokenServer"/>, one allowed Teams tenant
/// and 127.0.0.1 as a trusted download host. Activities are posted to <c>/api/messages</c> through the in-memory
/// test server; each test brings its own <see cref="ConnectorSink"/> as the activities' serviceUrl.
/// </summary>
public sealed class BotServiceFixture : IAsyncLifetime
{
    public const string AllowedTenant = "9b2f7c1e-6a4d-4c1b-8e3f-2d5a7b9c0e11";
    public const string OtherTenant = "4e8d2a6b-1c3f-4b7e-9a5d-0f2c6e8a1b33";
    public const string BotId = "28:" + TestTokens.AppId;

    private HttpClient? _client;

    /// <summary>Endorsed for Teams (and Web Chat), as Bot Connector keys are.</summary>
    public TestSigningKey TeamsKey { get; } = new("teams-key", "msteams", "webchat");

    /// <summary>Published, but endorsed only for Web Chat.</summary>
    public TestSigningKey WebChatKey { get; } = new("webchat-key", "webchat");

    /// <summary>Published without any endorsements.</summary>
    public TestSigningKey BareKey { get; } = new("bare-key", endorsements: null);

    public OpenIdServer OpenId { get; private set; } = null!;

    public TokenServer Tokens { get; private set; } = null!;

    public ChatAdvisorApp App { get; private set; } = null!;

    public HttpClient Client => _client ??= App.CreateClient();

    /// <summary>The host's memory cache, where the endpoint looks up each delivery to join one already in progress.</summary>
    public ObservedMemoryCache Cache => (ObservedMemoryCache)App.Services.GetRequiredService<IMemoryCache>();

    public async Task InitializeAsync()
    {
        OpenId = await OpenIdServer.StartAsync();
        OpenId.AddChannelKey(TeamsKey);
        OpenId.AddChannelKey(WebChatKey);
        OpenId.AddChannelKey(BareKey);
        Tokens = await TokenServer.StartAsync();
        var settings = ConnectorTestHost.Settings(OpenId);
        settings["Teams:AllowedTenants:0"] = AllowedTenant;
        settings["Cvs:Dialog:TrustedDownloadHosts:0"] = "127.0.0.1";
        App = new ChatAdvisorApp(settings, services =>
        {
            RouteTokenRequestsTo(services, Tokens);
            services.AddSingleton<IMemoryCache>(sp => new ObservedMemoryCache(
                new MemoryCache(sp.GetRequiredService<IOptions<MemoryCacheOptions>>(), sp.GetRequiredService<ILoggerFactory>())));
        });
        // First calls (metadata, token validation, the endpoint, EF's model) out of the way with a refused invoke,
        // which sends and stores nothing.
        using var warmUp = await PostAsync(new TeamsWireChat("http://127.0.0.1:9/warm-up", OtherTenant).Invoke("warmUp/invoke", null));
        Assert.Equal(HttpStatusCode.Forbidden, warmUp.StatusCode);
        Assert.False(await StoredAnythingAboutAsync("warm-up"));
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        App.Dispose();
        await Tokens.DisposeAsync();
        await OpenId.DisposeAsync();
        TeamsKey.Dispose();
        WebChatKey.Dispose();
        BareKey.Dispose();
    }

    /// <summary>Sends MSAL's requests for login.microsoftonline.com to <paramref name="tokens"/>.</summary>
    public static void RouteTokenRequestsTo(IServiceCollection services, TokenServer tokens) =>
        services.AddHttpClient(MsalHttpClientFactory.HttpClientName)
            .AddHttpMessageHandler(() => new LoopbackRedirectHandler(tokens.Server.BaseAddress));

    /// <summary>A Bot Connector token for activities from <paramref name="serviceUrl"/>, signed with <see cref="TeamsKey"/> unless another key is given.</summary>
    public string ChannelToken(string serviceUrl, TestSigningKey? key = null, Action<SecurityTokenDescriptor>? change = null) =>
        TestTokens.Channel(key ?? TeamsKey, d =>
        {
            d.Claims["serviceurl"] = serviceUrl;
            d.Claims["tid"] = AllowedTenant;
            change?.Invoke(d);
        });

    /// <summary>POSTs <paramref name="activity"/> to /api/messages with a channel token for its serviceUrl.</summary>
    public Task<HttpResponseMessage> PostAsync(JsonObject activity) =>
        PostAsync(activity, ChannelToken(activity["serviceUrl"]!.GetValue<string>()));

    /// <summary>POSTs <paramref name="activity"/> to /api/messages with <paramref name="token"/> as bearer token (none when null).</summary>
    public Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token) => PostAsync(Client, activity, token);

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, MessagingEndpoint.Path)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await client.SendAsync(request);
    }

    /// <summary>Reads the host's database.</summary>
    public Task<T> QueryAsync<T>(Func<ChatAdvisorDb, Task<T>> query) => QueryAsync(App, query);

    public static async Task<T> QueryAsync<T>(ChatAdvisorApp app, Func<ChatAdvisorDb, Task<T>> query)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ChatAdvisorDb>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>True when the host stored anything about <paramref name="conversationId"/>: the conversation or any transcript activity.</summary>
    public Task<bool> StoredAnythingAboutAsync(string conversationId) => QueryAsync(async db =>
        await db.Conversations.AnyAsync(c => c.Id == conversationId) || await db.TranscriptActivities.AnyAsync(a => a.ConversationId == conversationId));
}
