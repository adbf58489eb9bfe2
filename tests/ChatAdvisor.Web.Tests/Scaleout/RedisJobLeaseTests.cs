using ChatAdvisor.Web.Scaleout;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace ChatAdvisor.Web.Tests.Scaleout;

/// <summary>Periodic jobs run once across instances: against the test run's Redis, as two instances would take them.</summary>
public sealed class RedisJobLeaseTests : IAsyncLifetime
{
    private readonly IOptions<RedisOptions> _options = Options.Create(new RedisOptions { KeyPrefix = $"lease-{Guid.NewGuid():N}:" });
    private ConnectionMultiplexer? _redis;

    public async Task InitializeAsync()
    {
        if (TestScaleout.SkipReason is null)
        {
            _redis = await ConnectionMultiplexer.ConnectAsync(TestScaleout.Redis);
        }
    }

    public async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    [ScaleoutFact]
    public async Task OneOfTwoInstancesTakesAJobInEachPeriod()
    {
        var (first, second) = (Lease(), Lease());
        var period = TimeSpan.FromSeconds(2);

        var taken = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? first : second).TryTakeAsync("retention", period, CancellationToken.None).AsTask()));
        Assert.Single(taken, t => t);
        // Another job is not held by this one.
        Assert.True(await second.TryTakeAsync("attachment-sweep", period, CancellationToken.None));

        // The hold ends a little before the period, so the next tick (of either instance) takes it again.
        await Task.Delay(period);
        Assert.True(await second.TryTakeAsync("retention", period, CancellationToken.None));
        Assert.False(await first.TryTakeAsync("retention", period, CancellationToken.None));
    }

    private RedisJobLease Lease() => new(_redis!, new RedisKeys(_options), NullLogger<RedisJobLease>.Instance);
}
