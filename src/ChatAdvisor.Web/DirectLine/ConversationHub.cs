using System.Collections.Concurrent;
using System.Threading.Channels;
using ChatAdvisor.Conversations;

namespace ChatAdvisor.Web.DirectLine;

/// <summary>Pushes newly stored activities to the open streams of their conversation in this process.</summary>
public sealed class ConversationHub
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Channel<TranscriptActivity>, byte>> _subscribers = new(StringComparer.Ordinal);

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

    public void Publish(TranscriptActivity activity)
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
