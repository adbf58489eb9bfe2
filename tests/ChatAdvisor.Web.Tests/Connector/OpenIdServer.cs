using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatAdvisor.Web.Tests.Connector;

/// <summary>
/// Loopback stand-in for login.botframework.com (channel metadata and keys) and the AAD common v2.0 metadata
/// (Emulator keys). Keys can be added while it runs, to simulate key rotation.
/// </summary>
public sealed class OpenIdServer : IAsyncDisposable
{
    public const string ChannelKeysPath = "/v1/.well-known/keys";
    public const string EmulatorKeysPath = "/common/discovery/v2.0/keys";

    private readonly ConcurrentQueue<TestSigningKey> _channelKeys = new();
    private readonly ConcurrentQueue<TestSigningKey> _emulatorKeys = new();
    private LoopbackServer? _server;

    public LoopbackServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public string ChannelMetadataUrl => $"{Server.BaseAddress}/v1/.well-known/openidconfiguration";

    public string EmulatorMetadataUrl => $"{Server.BaseAddress}/common/v2.0/.well-known/openid-configuration";

    public static async Task<OpenIdServer> StartAsync()
    {
        var openId = new OpenIdServer();
        openId._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext c) => Metadata(c, "https://api.botframework.com", ChannelKeysPath));
            app.MapGet(ChannelKeysPath, () => KeySet(openId._channelKeys));
            app.MapGet("/common/v2.0/.well-known/openid-configuration", (HttpContext c) => Metadata(c, "https://login.microsoftonline.com/{tenantid}/v2.0", EmulatorKeysPath));
            app.MapGet(EmulatorKeysPath, () => KeySet(openId._emulatorKeys));
        });
        return openId;
    }

    public void AddChannelKey(TestSigningKey key) => _channelKeys.Enqueue(key);

    public void AddEmulatorKey(TestSigningKey key) => _emulatorKeys.Enqueue(key);

    public int KeyFetches(string keysPath) => Server.RequestsTo(keysPath).Count;

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private static IResult Metadata(HttpContext context, string issuer, string keysPath) => Results.Json(new JsonObject
    {
        ["issuer"] = issuer,
        ["jwks_uri"] = $"{context.Request.Scheme}://{context.Request.Host}{keysPath}",
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
    });

    private static IResult KeySet(IEnumerable<TestSigningKey> keys) =>
        Results.Json(new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => k.ToJwk())]) });
}
