namespace ChatAdvisor.Data;

/// <summary>
/// Decides which instance runs a periodic job (the retention sweep, the upload sweep) in each period, so that several
/// instances on one database do the work once.
/// </summary>
public interface IJobLease
{
    /// <summary>
    /// True when this instance runs <paramref name="job"/> now. The job is then held for a little less than
    /// <paramref name="period"/>: no other instance takes it before its own next tick.
    /// </summary>
    ValueTask<bool> TryTakeAsync(string job, TimeSpan period, CancellationToken cancellationToken);
}

/// <summary>The default, one instance: it always runs its jobs.</summary>
public sealed class SingleInstanceJobLease : IJobLease
{
    public ValueTask<bool> TryTakeAsync(string job, TimeSpan period, CancellationToken cancellationToken) => ValueTask.FromResult(true);
}
