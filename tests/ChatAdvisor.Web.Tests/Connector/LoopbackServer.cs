using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatAdvisor.Web.Tests.Connector;

/// <summary>A request as the loopback server saw it; <see cref="PathAndQuery"/> is the raw request target.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// Kestrel on a loopback address (127.0.0.1 unless given) and a free port; the test maps the routes, every request
/// is recorded. It stands in for OpenID metadata, token endpoints, the Bot Connector, SharePoint file links and Key
/// Vault (over HTTPS with a test certificate, for clients that insist on TLS).
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LoopbackServer(WebApplication app) => _app = app;

    /// <summary>e.g. <c>http://127.0.0.1:41234</c>, or <c>https://…</c> with a certificate (no trailing slash).</summary>
    public string BaseAddress { get; private set; } = "";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> map, IPAddress? address = null, X509Certificate2? httpsCertificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address ?? IPAddress.Loopback, 0, listen =>
        {
            if (httpsCertificate is not null)
            {
                listen.UseHttps(httpsCertificate);
            }
        }));
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Use(async (context, next) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            // The raw target keeps percent-escapes as sent; Request.Path would decode them.
            var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
            server._requests.Enqueue(new(context.Request.Method, target, headers, body));
            context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
            await next(context);
        });
        map(app);
        await app.StartAsync();
        server.BaseAddress = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return server;
    }

    /// <summary>How many GET requests reached <paramref name="path"/>.</summary>
    public int CountOf(string path) => RequestsTo(path).Count(r => r.Method == "GET");

    public IReadOnlyList<RecordedRequest> RequestsTo(string path) => [.. _requests.Where(r => r.PathAndQuery.Split('?')[0] == path)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
