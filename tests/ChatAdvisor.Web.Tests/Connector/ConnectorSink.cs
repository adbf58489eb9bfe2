using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatAdvisor.Web.Tests.Connector;

/// <summary>
/// A scripted answer of the loopback connector. With <paramref name="Until"/> the request is held, unanswered, until
/// that task completes (a task that never does: a connector that never answers), so a test decides what happens
/// first instead of racing a delay.
/// </summary>
public sealed record SinkAnswer(int Status, string Body = "", string? RetryAfter = null, Task? Until = null)
{
    /// <summary>A task that never completes, for a connector that takes a request and never answers it.</summary>
    public static Task Never { get; } = new TaskCompletionSource().Task;
}

/// <summary>
/// Loopback stand-in for a channel's Bot Connector: answers every request with the next scripted
/// <see cref="SinkAnswer"/>, or 201 with a new activity id once the script is used up.
/// </summary>
public sealed class ConnectorSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<SinkAnswer> _script = new();
    private int _posted;
    private LoopbackServer? _server;

    public LoopbackServer Server => _server ?? throw new InvalidOperationException("Not started.");

    /// <summary>A serviceUrl on this sink with a Teams-like region path and no trailing slash.</summary>
    public string ServiceUrl => $"{Server.BaseAddress}/amer";

    public static async Task<ConnectorSink> StartAsync()
    {
        var sink = new ConnectorSink();
        sink._server = await LoopbackServer.StartAsync(app => app.Map("/{**path}", sink.AnswerAsync));
        return sink;
    }

    public ConnectorSink Then(SinkAnswer answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task AnswerAsync(HttpContext context)
    {
        var answer = _script.TryDequeue(out var next)
            ? next
            : new SinkAnswer(StatusCodes.Status201Created, $$"""{"id":"posted-{{Interlocked.Increment(ref _posted)}}"}""");
        if (answer.Until is { } until)
        {
            await until.WaitAsync(context.RequestAborted);
        }
        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = answer.RetryAfter;
        }
        if (answer.Body.Length > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
        }
    }
}
