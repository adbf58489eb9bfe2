namespace ChatAdvisor.Web.Channels.BotFramework.Connector;

internal static partial class ConnectorLog
{
    [LoggerMessage(3301, LogLevel.Information, "A token's signing key is not in the metadata from {MetadataUrl}; refreshing it once")]
    public static partial void SigningKeyNotFound(ILogger logger, string metadataUrl);

    [LoggerMessage(3302, LogLevel.Warning, "The connector answered {StatusCode}; retrying in {DelayMs} ms (attempt {Attempt})")]
    public static partial void Retrying(ILogger logger, int statusCode, long delayMs, int attempt);

    [LoggerMessage(3303, LogLevel.Warning, "The connector at {Host} refused the bot's token; retrying once with a fresh one")]
    public static partial void TokenRefused(ILogger logger, string host);

    [LoggerMessage(3304, LogLevel.Error, "{Method} activities to {Host} failed with {StatusCode} (operation {CorrelationId})")]
    public static partial void SendFailed(ILogger logger, string method, int statusCode, string host, string? correlationId);
}
