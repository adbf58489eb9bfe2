using System.Collections.Concurrent;
using System.Threading.Channels;
using ChatAdvisor.Conversations;

namespace ChatAdvisor.Web.Channels.DirectLine;

/// <summary>
/// Pushes newly stored activities to the open streams of their conversation. With several instances the relay carries
/// each one to the other instances too, since a visitor's WebSocket may be held by any of them.
/// </summary>
public sealed class ConversationHub
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Channel<TranscriptActivity>, byte>> _subscribers = new(StringComparer.Ordinal);
    private readonly IActivityRelay _relay;

    public ConversationHub(IActivityRelay relay)
    {
        _relay = relay;
        relay.Received += Deliver;
    }

    public Subscription Subscribe(string conversationId)
    {
        var channel = Channel.CreateBounded<TranscriptActivity>(new BoundedChannelOptions(500)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropOldest,
        });
        _subscribers.GetOrAdd(conversationId, _ => new()).TryAdd(channel, 0);
        return new Subscription(channel.Reader, () =>
        {
            if (_subscribers.TryGetValue(conversationId, out var set))
            {
                set.TryRemove(channel, out _);
                if (set.IsEmpty)
                {
                    _subscribers.TryRemove(new KeyValuePair<string, ConcurrentDictionary<Channel<TranscriptActivity>, byte>>(conversationId, set));
                }
            }
            channel.Writer.TryComplete();
        });
    }

    /// <summary>To the streams here and, through the relay, on the other instances.</summary>
    public void Publish(TranscriptActivity activity)
    {
        Deliver(activity);
        _relay.Send(activity);
    }

    private void Deliver(TranscriptActivity activity)
    {
        if (_subscribers.TryGetValue(activity.ConversationId, out var set))
        {
            foreach (var channel in set.Keys)
            {
                channel.Writer.TryWrite(activity);
            }
        }
    }

    public sealed class Subscription(ChannelReader<TranscriptActivity> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<TranscriptActivity> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}

/// <summary>Carries stored activities between instances. The default, one instance, carries nothing.</summary>
public interface IActivityRelay
{
    /// <summary>Raised for each activity another instance stored.</summary>
    event Action<TranscriptActivity>? Received;

    /// <summary>Hands an activity stored here to the other instances; never blocks and never throws.</summary>
    void Send(TranscriptActivity activity);
}

public sealed class NoActivityRelay : IActivityRelay
{
    public event Action<TranscriptActivity>? Received { add { } remove { } }

    public void Send(TranscriptActivity activity)
    {
    }
}
