using System.Diagnostics;

namespace ChatAdvisor.Web.Tests.Infrastructure;

/// <summary>
/// The one way these tests wait by polling: check a condition until it holds, and fail with a description once the
/// deadline passes. For what the tests cannot be told directly (a file watcher, another process, a remote page);
/// the deadline only turns a hang into a failure and never makes a test pass.
/// </summary>
public static class Eventually
{
    /// <summary>How long a condition may take (the first answer of a fresh host also builds its indexes).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan s_defaultInterval = TimeSpan.FromMilliseconds(20);
    private static readonly object s_held = new();

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="describe"/> after the timeout.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, Func<string>? describe = null, TimeSpan? timeout = null, TimeSpan? interval = null) =>
        await GetAsync(async () => await condition() ? s_held : null, describe, timeout, interval);

    /// <inheritdoc cref="HoldsAsync(Func{Task{bool}}, Func{string}?, TimeSpan?, TimeSpan?)"/>
    public static Task HoldsAsync(Func<bool> condition, Func<string>? describe = null, TimeSpan? timeout = null, TimeSpan? interval = null) =>
        HoldsAsync(() => Task.FromResult(condition()), describe, timeout, interval);

    /// <summary>Polls <paramref name="probe"/> until it returns a value and returns that; fails with <paramref name="describe"/> after the timeout.</summary>
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, Func<string>? describe = null, TimeSpan? timeout = null, TimeSpan? interval = null)
        where T : class
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }
            if (clock.Elapsed > limit)
            {
                Assert.Fail(describe?.Invoke() ?? $"The condition did not hold within {limit}.");
            }
            await Task.Delay(interval ?? s_defaultInterval);
        }
    }
}
