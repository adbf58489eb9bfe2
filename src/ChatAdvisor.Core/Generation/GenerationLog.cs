using Microsoft.Extensions.Logging;

namespace ChatAdvisor.Generation;

internal static partial class GenerationLog
{
    // Outcome kinds, counts and timings only: questions, prompts and replies are personal data and never logged.
    [LoggerMessage(1, LogLevel.Information, "Generated answer with {Citations} cited passages in {ElapsedMs} ms")]
    public static partial void Answered(ILogger logger, int citations, double elapsedMs);

    [LoggerMessage(2, LogLevel.Warning, "Generated reply rejected ({Outcome}) after {ElapsedMs} ms; the extractive answer stands")]
    public static partial void Rejected(ILogger logger, GenerationOutcome outcome, double elapsedMs);

    [LoggerMessage(3, LogLevel.Warning, "Model call failed with {ExceptionType} after {ElapsedMs} ms; the extractive answer stands")]
    public static partial void CallFailed(ILogger logger, string exceptionType, double elapsedMs);

    [LoggerMessage(4, LogLevel.Debug, "Model call failed")]
    public static partial void CallFailedDetail(ILogger logger, Exception exception);

    [LoggerMessage(5, LogLevel.Debug, "Prompt of {Messages} messages, {Characters} characters, {Passages} passages")]
    public static partial void PromptRendered(ILogger logger, int messages, int characters, int passages);

    [LoggerMessage(6, LogLevel.Information, "Language model: {Provider}, chat model {ChatModel}, embedding model {EmbeddingModel}")]
    public static partial void Enabled(ILogger logger, LlmProvider provider, string? chatModel, string? embeddingModel);

    [LoggerMessage(7, LogLevel.Information, "Language model: none configured; answers are extractive")]
    public static partial void Disabled(ILogger logger);
}
