namespace ChatAdvisor.Web.Bot;

internal static partial class BotLog
{
    [LoggerMessage(1, LogLevel.Warning, "Conversation state changed during a turn; this turn's state was not saved")]
    public static partial void StateConflict(ILogger logger);

    [LoggerMessage(2, LogLevel.Error, "A turn of type {Type} on channel {Channel} failed")]
    public static partial void TurnFailed(ILogger logger, string? type, string? channel, Exception exception);

    [LoggerMessage(3, LogLevel.Warning, "The turn queue is full; a turn was refused")]
    public static partial void QueueFull(ILogger logger);
}
