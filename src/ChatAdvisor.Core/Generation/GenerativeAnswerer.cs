using ChatAdvisor.Knowledge;
using ChatAdvisor.Prompts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Generation;

/// <summary>
/// Asks the language model to answer from retrieved passages with <c>prompts/answer.yaml</c> and keeps the reply
/// only if <see cref="AnswerVerifier"/> finds it grounded. Returns null whenever the caller should keep its
/// extractive answer: no model configured, NO_ANSWER, an ungrounded reply, an error or a timeout.
/// </summary>
/// <remarks>
/// Always registered; <paramref name="chatClient"/> is null when <see cref="LlmOptions.Provider"/> is
/// <see cref="LlmProvider.None"/>, and then <see cref="IsEnabled"/> is false and nothing is called.
/// </remarks>
public sealed class GenerativeAnswerer(
    PromptLibrary prompts,
    IOptions<LlmOptions> options,
    TimeProvider timeProvider,
    ILogger<GenerativeAnswerer> logger,
    IChatClient? chatClient = null)
{
    public const string PromptName = "answer";

    private readonly PromptTemplate _prompt = prompts.Get(PromptName);

    /// <summary>True when a chat model is configured.</summary>
    public bool IsEnabled => chatClient is not null;

    /// <summary>
    /// A verified answer to <paramref name="question"/> from <paramref name="passages"/> (cited 1-based, in the
    /// given order), or null to keep the extractive answer. Only the question and the passages reach the model.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<GeneratedAnswer?> AnswerAsync(string question, IReadOnlyList<Chunk> passages, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        ArgumentNullException.ThrowIfNull(passages);
        if (chatClient is null)
        {
            return null;
        }
        var started = timeProvider.GetTimestamp();
        if (passages.Count == 0)
        {
            GenerationLog.Rejected(logger, GenerationOutcome.NoPassages, 0);
            return null;
        }
        var messages = Messages(question, passages);
        using var timeout = new CancellationTokenSource(options.Value.RequestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        string? reply;
        try
        {
            var response = await chatClient.GetResponseAsync(messages, ChatOptions(), linked.Token);
            reply = response.Text;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            GenerationLog.Rejected(logger, GenerationOutcome.TimedOut, Elapsed(started));
            return null;
        }
        catch (Exception e)
        {
            // The model boundary (style guide 4.7): whatever the client throws, the extractive answer still stands.
            GenerationLog.CallFailed(logger, e.GetType().Name, Elapsed(started));
            GenerationLog.CallFailedDetail(logger, e);
            return null;
        }
        var outcome = AnswerVerifier.Verify(reply, passages, out var answer);
        if (answer is null)
        {
            GenerationLog.Rejected(logger, outcome, Elapsed(started));
            return null;
        }
        GenerationLog.Answered(logger, answer.CitedPassages.Count, Elapsed(started));
        return answer;
    }

    private List<ChatMessage> Messages(string question, IReadOnlyList<Chunk> passages)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["question"] = question.Trim(),
            ["passages"] = passages.Select((chunk, i) => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["number"] = i + 1,
                ["title"] = $"{chunk.GuideTitle} — {chunk.Heading}",
                ["text"] = chunk.Text,
            }).ToList(),
        };
        var messages = _prompt.RenderMessages(values)
            .Select(m => new ChatMessage(m.Role switch
            {
                PromptRole.System => ChatRole.System,
                PromptRole.Assistant => ChatRole.Assistant,
                _ => ChatRole.User,
            }, m.Text))
            .ToList();
        GenerationLog.PromptRendered(logger, messages.Count, messages.Sum(m => m.Text.Length), passages.Count);
        return messages;
    }

    private ChatOptions ChatOptions()
    {
        var settings = _prompt.ExecutionSettings;
        var chatOptions = new ChatOptions
        {
            Temperature = settings.Temperature,
            MaxOutputTokens = settings.MaxTokens,
            TopP = settings.TopP,
            PresencePenalty = settings.PresencePenalty,
            FrequencyPenalty = settings.FrequencyPenalty,
        };
        if (settings.StopSequences.Count > 0)
        {
            chatOptions.StopSequences = [.. settings.StopSequences];
        }
        return chatOptions;
    }

    private double Elapsed(long started) => timeProvider.GetElapsedTime(started).TotalMilliseconds;
}
