using ChatAdvisor.Conversations;
using ChatAdvisor.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Enforces the retention periods the privacy notice promises: applications (and their files) after
/// <see cref="CvDialogOptions.ApplicationRetention"/> or, in the talent pool, <see cref="CvDialogOptions.TalentPoolRetention"/>;
/// idle conversations and their transcripts after <see cref="ConversationOptions.Retention"/>. One instance sweeps
/// in each interval (<see cref="IJobLease"/>).
/// </summary>
public sealed partial class RetentionService(
    IDbContextFactory<ChatAdvisorDb> dbFactory,
    ICvFileStore files,
    IOptions<CvDialogOptions> cvOptions,
    IOptions<ConversationOptions> conversationOptions,
    IJobLease lease,
    TimeProvider time,
    ILogger<RetentionService> logger) : BackgroundService
{
    public async Task<(int Applications, int Conversations)> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var applicationCutoff = now - cvOptions.Value.ApplicationRetention;
        var poolCutoff = now - cvOptions.Value.TalentPoolRetention;
        // Compared in memory: SQLite cannot order or compare DateTimeOffset columns in SQL.
        var expired = (await db.CvSubmissions.Select(s => new { s.Id, s.StorageKey, s.SubmittedAt, s.TalentPool }).ToListAsync(cancellationToken))
            .Where(s => s.SubmittedAt < (s.TalentPool ? poolCutoff : applicationCutoff)).ToList();
        foreach (var submission in expired)
        {
            await files.DeleteAsync(submission.StorageKey, cancellationToken);
            await db.CvSubmissions.Where(s => s.Id == submission.Id).ExecuteDeleteAsync(cancellationToken);
        }
        var conversationCutoff = now - conversationOptions.Value.Retention;
        var idle = (await db.Conversations.Select(c => new { c.Id, c.LastActivityAt }).ToListAsync(cancellationToken))
            .Where(c => c.LastActivityAt < conversationCutoff).Select(c => c.Id).ToList();
        foreach (var batch in idle.Chunk(200))
        {
            await db.TranscriptActivities.Where(a => batch.Contains(a.ConversationId)).ExecuteDeleteAsync(cancellationToken);
            await db.ConversationNotes.Where(n => batch.Contains(n.ConversationId)).ExecuteDeleteAsync(cancellationToken);
            await db.ConversationTags.Where(t => batch.Contains(t.ConversationId)).ExecuteDeleteAsync(cancellationToken);
            await db.AnswerFeedback.Where(f => batch.Contains(f.ConversationId)).ExecuteDeleteAsync(cancellationToken);
            await db.Conversations.Where(c => batch.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        }
        Swept(logger, expired.Count, idle.Count);
        return (expired.Count, idle.Count);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = conversationOptions.Value.RetentionSweepInterval;
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                // With several instances, one of them sweeps in each interval.
                if (await lease.TryTakeAsync("retention", interval, stoppingToken))
                {
                    await SweepAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                SweepFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(2101, LogLevel.Information, "Retention: deleted {Applications} applications and {Conversations} conversations")]
    private static partial void Swept(ILogger logger, int applications, int conversations);

    [LoggerMessage(2102, LogLevel.Error, "Retention sweep failed; it will run again at the next interval")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}
