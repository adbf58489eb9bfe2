using Microsoft.Extensions.Logging;

namespace ChatAdvisor.Generation;

internal static partial class GenerationLog
{
    // Outcome kinds, counts and timings only: questions, prompts and replies are personal data and never logged.
    [LoggerMessage(1301, LogLevel.Information, "Generated answer with {Citations} cited passages in {ElapsedMs} ms")]
    public static partial void Answered(ILogger logger, int citations, double elapsedMs);

    [LoggerMessage(1302, LogLevel.Warning, "Generated reply rejected ({Outcome}) after {ElapsedMs} ms; the extractive answer stands")]
    public static partial void Rejected(ILogger logger, string outcome, double elapsedMs);

    [LoggerMessage(1303, LogLevel.Information, "Language model: {Provider}, chat model {ChatModel}, embedding model {EmbeddingModel}")]
    public static partial void Enabled(ILogger logger, LlmProvider provider, string? chatModel, string? embeddingModel);

    [LoggerMessage(1304, LogLevel.Information, "Language model: none configured; answers are extractive")]
    public static partial void Disabled(ILogger logger);
}
