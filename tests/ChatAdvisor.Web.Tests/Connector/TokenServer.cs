using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatAdvisor.Web.Tests.Connector;

/// <summary>
/// Loopback stand-in for the Entra token endpoint (any tenant) and the IMDS managed-identity endpoint. Each token
/// it issues is <c>token-1</c>, <c>token-2</c>, … so tests can tell a cached token from a fresh one.
/// </summary>
public sealed class TokenServer : IAsyncDisposable
{
    private int _issued;
    private LoopbackServer? _server;

    public LoopbackServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public static async Task<TokenServer> StartAsync()
    {
        var tokens = new TokenServer();
        tokens._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/{tenant}/oauth2/v2.0/token", () => Results.Json(new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3599,
                ["ext_expires_in"] = 3599,
                ["access_token"] = tokens.Next(),
            }));
            app.MapGet("/metadata/identity/oauth2/token", (HttpContext c) => Results.Json(new JsonObject
            {
                ["token_type"] = "Bearer",
                ["access_token"] = tokens.Next(),
                ["expires_on"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["resource"] = c.Request.Query["resource"].ToString(),
                ["client_id"] = c.Request.Query["client_id"].ToString(),
            }));
        });
        return tokens;
    }

    /// <summary>Form fields of a recorded token request.</summary>
    public static Dictionary<string, string> Form(RecordedRequest request) =>
        request.Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : ""));

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private string Next() => $"token-{Interlocked.Increment(ref _issued)}";
}
