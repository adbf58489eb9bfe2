namespace ChatAdvisor.Web.Bot;

internal static partial class BotLog
{
    [LoggerMessage(3001, LogLevel.Warning, "Conversation state changed during a turn; this turn's state was not saved")]
    public static partial void StateConflict(ILogger logger);

    [LoggerMessage(3002, LogLevel.Error, "A turn of type {Type} on channel {Channel} failed")]
    public static partial void TurnFailed(ILogger logger, string? type, string? channel, Exception exception);

    [LoggerMessage(3003, LogLevel.Warning, "The turn queue is full; a turn was refused")]
    public static partial void QueueFull(ILogger logger);

    [LoggerMessage(3004, LogLevel.Warning, "A finished turn could not be marked done; a restart will resume it without sending its replies again")]
    public static partial void TurnNotCompleted(ILogger logger, Exception exception);

    [LoggerMessage(3005, LogLevel.Information, "Resuming {Count} turns accepted before the last stop and not finished")]
    public static partial void ResumingTurns(ILogger logger, int count);

    [LoggerMessage(3006, LogLevel.Warning, "A turn accepted before the last stop is too old to answer now ({Age}); it is marked expired")]
    public static partial void TurnExpired(ILogger logger, TimeSpan age);
}
