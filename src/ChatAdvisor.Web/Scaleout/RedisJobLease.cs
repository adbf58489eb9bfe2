using ChatAdvisor.Data;
using StackExchange.Redis;

namespace ChatAdvisor.Web.Scaleout;

/// <summary>
/// One instance per period runs each job: the first to set the job's key (with an expiry just short of the period)
/// runs it. An instance that stops mid-run costs one period, never a second concurrent run.
/// </summary>
public sealed partial class RedisJobLease(IConnectionMultiplexer redis, RedisKeys keys, ILogger<RedisJobLease> logger) : IJobLease
{
    public async ValueTask<bool> TryTakeAsync(string job, TimeSpan period, CancellationToken cancellationToken)
    {
        // Short of the period, so the next tick (of whichever instance) finds the key gone despite timer drift.
        var hold = period - TimeSpan.FromTicks(Math.Min(period.Ticks / 10, TimeSpan.FromSeconds(5).Ticks));
        try
        {
            var taken = await redis.GetDatabase().StringSetAsync(keys.Job(job), keys.Instance, hold, When.NotExists).WaitAsync(cancellationToken);
            if (!taken)
            {
                LeftToAnother(logger, job);
            }
            return taken;
        }
        catch (RedisException ex)
        {
            // Without Redis nobody can tell who runs it: skip this period rather than run it everywhere.
            NotTaken(logger, job, ex);
            return false;
        }
    }

    [LoggerMessage(6311, LogLevel.Debug, "Job {Job} runs on another instance this period")]
    private static partial void LeftToAnother(ILogger logger, string job);

    [LoggerMessage(6312, LogLevel.Warning, "Job {Job} skipped this period: Redis did not answer")]
    private static partial void NotTaken(ILogger logger, string job, Exception exception);
}
