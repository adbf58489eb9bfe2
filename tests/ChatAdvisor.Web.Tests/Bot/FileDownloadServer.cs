using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatAdvisor.Web.Tests.Bot;

/// <summary>
/// A minimal web server on a loopback address and a free port that stands in for SharePoint/OneDrive behind a
/// Teams file link. The test maps its routes; every request that arrives, for any path, is recorded.
/// </summary>
public sealed class FileDownloadServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _requests = new();

    private FileDownloadServer(WebApplication app) => _app = app;

    /// <summary>Base address, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseAddress { get; private set; } = "";

    /// <summary>Method and path of every request received, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public static async Task<FileDownloadServer> StartAsync(IPAddress address, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, 0));
        var app = builder.Build();
        var server = new FileDownloadServer(app);
        app.Use(async (context, next) =>
        {
            server._requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            await next(context);
        });
        map(app);
        await app.StartAsync();
        server.BaseAddress = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return server;
    }

    public int CountOf(string path) => _requests.Count(r => r == $"GET {path}");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
