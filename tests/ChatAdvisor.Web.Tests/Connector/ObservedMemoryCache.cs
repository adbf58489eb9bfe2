using Microsoft.Extensions.Caching.Memory;

namespace ChatAdvisor.Web.Tests.Connector;

/// <summary>
/// The host's memory cache, unchanged, that also tells a test when some key has been looked up a number of times.
/// The messaging endpoint looks an activity up there when a delivery arrives, to join a delivery of it already in
/// progress, so a test can know that every delivery it sent has got that far.
/// </summary>
public sealed class ObservedMemoryCache(IMemoryCache inner) : IMemoryCache
{
    private readonly Lock _gate = new();
    private readonly List<Watch> _watches = [];

    /// <summary>Completes once keys matching <paramref name="match"/> have been looked up <paramref name="times"/> times from now on.</summary>
    public Task LookedUpAsync(Func<object, bool> match, int times)
    {
        var watch = new Watch(match, times);
        lock (_gate)
        {
            _watches.Add(watch);
        }
        return watch.Reached.Task;
    }

    public bool TryGetValue(object key, out object? value)
    {
        lock (_gate)
        {
            foreach (var watch in _watches.Where(w => w.Match(key)))
            {
                if (++watch.Seen == watch.Times)
                {
                    watch.Reached.TrySetResult();
                }
            }
        }
        return inner.TryGetValue(key, out value);
    }

    public ICacheEntry CreateEntry(object key) => inner.CreateEntry(key);

    public void Remove(object key) => inner.Remove(key);

    public void Dispose() => inner.Dispose();

    private sealed class Watch(Func<object, bool> match, int times)
    {
        public Func<object, bool> Match { get; } = match;

        public int Times { get; } = times;

        public int Seen { get; set; }

        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
