using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ChatAdvisor.Core.Tests.Fakes;

/// <summary>An <see cref="IChatClient"/> that answers from a script, in order, and records every request.</summary>
public sealed class FakeChatClient : IChatClient
{
    private readonly Queue<Func<CancellationToken, Task<string>>> _script = new();
    private readonly List<FakeChatRequest> _requests = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<FakeChatRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public FakeChatClient Reply(string text) => Enqueue(_ => Task.FromResult(text));

    public FakeChatClient Throw(Exception exception) => Enqueue(_ => Task.FromException<string>(exception));

    /// <summary>Never answers; completes only when the request's token is cancelled.</summary>
    public FakeChatClient Hang() => Enqueue(async cancellationToken =>
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return string.Empty;
    });

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Func<CancellationToken, Task<string>> next;
        lock (_lock)
        {
            _requests.Add(new FakeChatRequest([.. messages], options?.Clone()));
            next = _script.Count > 0 ? _script.Dequeue() : throw new InvalidOperationException("FakeChatClient has no scripted reply left.");
        }
        var text = await next(cancellationToken);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { ModelId = "fake" };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var word in response.Text.Split(' '))
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, word + " ");
        }
    }

    // Semantic Kernel asks every chat client for its metadata.
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("fake", defaultModelId: "fake-model")
            : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private FakeChatClient Enqueue(Func<CancellationToken, Task<string>> step)
    {
        lock (_lock)
        {
            _script.Enqueue(step);
        }
        return this;
    }
}

public sealed record FakeChatRequest(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options);
