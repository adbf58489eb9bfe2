using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ChatAdvisor.Web.Tests.Infrastructure;

/// <summary>A chat model that gives one reply (or one chosen from the prompt), streamed word by word, and counts its calls.</summary>
public sealed class ScriptedChatClient(Func<IReadOnlyList<ChatMessage>, string> replyTo) : IChatClient
{
    private int _calls;

    public ScriptedChatClient(string reply)
        : this(_ => reply)
    {
    }

    public int Calls => _calls;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, replyTo([.. messages]))));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        foreach (var word in replyTo([.. messages]).Split(' '))
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, word + " ");
        }
    }

    // Semantic Kernel asks every chat client for its metadata.
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted", defaultModelId: "scripted")
            : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
