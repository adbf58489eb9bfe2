using System.Text.Json;
using ChatAdvisor.Conversations;
using ChatAdvisor.Web.Channels.DirectLine;
using StackExchange.Redis;

namespace ChatAdvisor.Web.Scaleout;

/// <summary>
/// Carries each activity an instance stores to the others over a Redis channel, so that a WebSocket held by any
/// instance receives it. Publishing never waits for Redis; the stream itself fills any gap from the database, so a
/// message lost while Redis is away delays an activity (until the next one or the next reconnect), it does not lose it.
/// </summary>
public sealed partial class RedisActivityRelay(
    IConnectionMultiplexer redis, RedisKeys keys, TranscriptStore transcript, ILogger<RedisActivityRelay> logger)
    : IActivityRelay, IHostedService
{
    private ChannelMessageQueue? _queue;

    public event Action<TranscriptActivity>? Received;

    public void Send(TranscriptActivity activity)
    {
        try
        {
            var message = JsonSerializer.SerializeToUtf8Bytes(new RelayedActivity(keys.Instance, activity), ScaleoutJson.Default.RelayedActivity);
            redis.GetSubscriber().Publish(keys.Activities, message, CommandFlags.FireAndForget);
        }
        catch (RedisException ex)
        {
            NotRelayed(logger, ex);
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A queue keeps the order in which the other instances published. Not awaited on the server: a host starts
        // while Redis is away, and the client subscribes once it connects (and again after every reconnect).
        _queue = await redis.GetSubscriber().SubscribeAsync(keys.Activities, redis.IsConnected ? CommandFlags.None : CommandFlags.FireAndForget);
        _queue.OnMessage(message => Receive(message.Message));
    }

    private void Receive(RedisValue message)
    {
        RelayedActivity? relayed;
        try
        {
            relayed = JsonSerializer.Deserialize((byte[])message!, ScaleoutJson.Default.RelayedActivity);
        }
        catch (JsonException ex)
        {
            Unreadable(logger, ex);
            return;
        }
        if (relayed is null || relayed.Origin == keys.Instance)
        {
            return;
        }
        // A code masked in the database must still reach the candidate whose WebSocket or poll lands here.
        transcript.KeepOriginal(relayed.Activity);
        Received?.Invoke(relayed.Activity);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_queue is not null)
        {
            await _queue.UnsubscribeAsync();
        }
    }

    [LoggerMessage(6301, LogLevel.Warning, "An activity could not be handed to the other instances; their streams fill the gap from the database")]
    private static partial void NotRelayed(ILogger logger, Exception exception);

    [LoggerMessage(6302, LogLevel.Warning, "A relayed activity could not be read and was skipped")]
    private static partial void Unreadable(ILogger logger, Exception exception);
}

public sealed record RelayedActivity(string Origin, TranscriptActivity Activity);

[System.Text.Json.Serialization.JsonSerializable(typeof(RelayedActivity))]
internal sealed partial class ScaleoutJson : System.Text.Json.Serialization.JsonSerializerContext;
