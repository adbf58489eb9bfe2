using ChatAdvisor.Cvs;
using ChatAdvisor.Data;
using ChatAdvisor.Web.Hosting;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Channels.DirectLine;

/// <summary>
/// Removes uploaded files that no turn took within <see cref="InputLimitsOptions.UnclaimedAttachmentLifetime"/>:
/// uploads whose turn failed, was refused or never came would otherwise stay in the store for good.
/// </summary>
public sealed partial class AttachmentSweep(IAttachmentStore store, UploadBudget budget, IOptions<InputLimitsOptions> options,
    IJobLease lease, TimeProvider time, ILogger<AttachmentSweep> logger) : BackgroundService
{
    private static readonly TimeSpan s_budgetMemory = TimeSpan.FromDays(1);

    /// <summary>One pass; the service runs it every minute, tests call it after moving the clock.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var removed = await store.SweepAsync(time.GetUtcNow() - options.Value.UnclaimedAttachmentLifetime, cancellationToken);
        budget.Forget(s_budgetMemory);
        if (removed > 0)
        {
            Swept(logger, removed);
        }
        return removed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(1);
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // Several instances share one blob store: one of them sweeps it each minute.
                if (await lease.TryTakeAsync("attachment-sweep", interval, stoppingToken))
                {
                    await RunOnceAsync(stoppingToken);
                }
                else
                {
                    budget.Forget(s_budgetMemory);
                }
            }
            catch (IOException ex)
            {
                // A file still open by a request: the next pass takes it.
                SweepFailed(logger, ex);
            }
            catch (UnauthorizedAccessException ex)
            {
                SweepFailed(logger, ex);
            }
            catch (CvStorageException ex)
            {
                // Blob storage unreachable or refusing: logged by the store too.
                SweepFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(4001, LogLevel.Information, "Attachment sweep removed {Count} unclaimed uploads")]
    private static partial void Swept(ILogger logger, int count);

    [LoggerMessage(4002, LogLevel.Warning, "Attachment sweep failed; it runs again in a minute")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}
