using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatAdvisor.Core.Tests.Generation;

/// <summary>
/// A minimal OpenAI-style HTTP server on 127.0.0.1 (System.Net.HttpListener, no Kestrel) that answers every request
/// with one canned body and records what it received.
/// </summary>
public sealed class LoopbackOpenAIServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<LoopbackRequest> _requests = [];
    private readonly Lock _lock = new();
    private readonly Task _serving;

    public LoopbackOpenAIServer(string responseBody, string contentType = "application/json")
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = ServeAsync(responseBody, contentType);
    }

    public int Port { get; }

    public IReadOnlyList<LoopbackRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync(string responseBody, string contentType)
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // Close() ends the loop.
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (_lock)
            {
                _requests.Add(new LoopbackRequest(
                    context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"] ?? context.Request.Headers["api-key"], JsonNode.Parse(body)!));
            }
            var bytes = Encoding.UTF8.GetBytes(responseBody);
            context.Response.StatusCode = 200;
            context.Response.ContentType = contentType;
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}

public sealed record LoopbackRequest(string Method, string Path, string? Authorization, JsonNode Body);
