using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using OpenAIChatMessage = OpenAI.Chat.ChatMessage;
using OpenAIFinishReason = OpenAI.Chat.ChatFinishReason;

namespace ChatAdvisor.Generation;

/// <summary>
/// <see cref="IChatClient"/> over the official OpenAI SDK's <see cref="ChatClient"/>, for text-only system, user and
/// assistant messages (Microsoft.Extensions.AI.OpenAI does not restore here). The model is fixed by the
/// <see cref="ChatClient"/>; <see cref="ChatOptions.ModelId"/> is ignored, and <paramref name="modelId"/> and
/// <paramref name="endpoint"/> only describe the client in <see cref="ChatClientMetadata"/>.
/// </summary>
public sealed class OpenAIChatClientAdapter(ChatClient chatClient, string modelId, Uri? endpoint = null) : IChatClient
{
    private readonly ChatClientMetadata _metadata = new("openai", endpoint, modelId);

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = await chatClient.CompleteChatAsync(ToOpenAI(messages), ToOpenAI(options), cancellationToken);
        var completion = result.Value;
        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        return new ChatResponse(new AIChatMessage(ChatRole.Assistant, text))
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = ToFinishReason(completion.FinishReason),
            Usage = completion.Usage is { } usage
                ? new UsageDetails { InputTokenCount = usage.InputTokenCount, OutputTokenCount = usage.OutputTokenCount, TotalTokenCount = usage.TotalTokenCount }
                : null,
            RawRepresentation = completion,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AIChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var updates = chatClient.CompleteChatStreamingAsync(ToOpenAI(messages), ToOpenAI(options), cancellationToken);
        await foreach (var update in updates.WithCancellation(cancellationToken))
        {
            var text = string.Concat(update.ContentUpdate.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
            yield return new ChatResponseUpdate(ChatRole.Assistant, text)
            {
                ResponseId = update.CompletionId,
                MessageId = update.CompletionId,
                ModelId = update.Model,
                CreatedAt = update.CreatedAt,
                FinishReason = update.FinishReason is { } reason ? ToFinishReason(reason) : null,
                RawRepresentation = update,
            };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // The SDK client holds no unmanaged state of its own; its HTTP pipeline is shared and process-wide.
    }

    private static List<OpenAIChatMessage> ToOpenAI(IEnumerable<AIChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return messages.Select(m => m.Role == ChatRole.System ? new SystemChatMessage(m.Text)
            : m.Role == ChatRole.User ? new UserChatMessage(m.Text)
            : m.Role == ChatRole.Assistant ? (OpenAIChatMessage)new AssistantChatMessage(m.Text)
            : throw new NotSupportedException($"Messages with role '{m.Role}' are not supported.")).ToList();
    }

    private static ChatCompletionOptions ToOpenAI(ChatOptions? options)
    {
        var result = new ChatCompletionOptions
        {
            Temperature = options?.Temperature,
            MaxOutputTokenCount = options?.MaxOutputTokens,
            TopP = options?.TopP,
            FrequencyPenalty = options?.FrequencyPenalty,
            PresencePenalty = options?.PresencePenalty,
        };
        foreach (var stop in options?.StopSequences ?? [])
        {
            result.StopSequences.Add(stop);
        }
        return result;
    }

    private static AIFinishReason ToFinishReason(OpenAIFinishReason reason) => reason switch
    {
        OpenAIFinishReason.Length => AIFinishReason.Length,
        OpenAIFinishReason.ContentFilter => AIFinishReason.ContentFilter,
        OpenAIFinishReason.ToolCalls or OpenAIFinishReason.FunctionCall => AIFinishReason.ToolCalls,
        _ => AIFinishReason.Stop,
    };
}
