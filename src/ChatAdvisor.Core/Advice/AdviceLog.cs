using Microsoft.Extensions.Logging;

namespace ChatAdvisor.Advice;

internal static partial class AdviceLog
{
    // Counts and scores only: questions are personal data and are never logged.
    [LoggerMessage(1001, LogLevel.Debug, "Advice {Kind} with confidence {Confidence} and {Citations} citations in {ElapsedMs} ms")]
    public static partial void Answered(ILogger logger, AnswerKind kind, double confidence, int citations, double elapsedMs);
}
