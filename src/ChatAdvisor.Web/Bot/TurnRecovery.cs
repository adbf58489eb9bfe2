using ChatAdvisor.Conversations;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Bot;

/// <summary>
/// On start, before the host takes requests, queues again every turn a previous run accepted and did not finish.
/// </summary>
/// <remarks>Runs in <see cref="StartAsync"/> on purpose: the server starts listening only after hosted services have
/// started, so nothing pending here can be a turn this process has accepted itself.</remarks>
public sealed class TurnRecovery(
    TranscriptStore transcript,
    TurnDispatcher dispatcher,
    IEnumerable<BotChannel> channels,
    IOptions<TurnOptions> options,
    TimeProvider time,
    ILogger<TurnRecovery> logger) : IHostedService
{
    private const int MaxResumed = 10_000;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var pending = await transcript.ListPendingTurnsAsync(MaxResumed, cancellationToken);
        if (pending.Count == 0)
        {
            return;
        }
        BotLog.ResumingTurns(logger, pending.Count);
        foreach (var entry in pending)
        {
            var age = time.GetUtcNow() - entry.Timestamp;
            var activity = TranscriptMapping.ToActivity(entry);
            var channel = activity is null ? null : channels.FirstOrDefault(c => c.Carries(activity.ChannelId ?? ""));
            if (activity is null || channel is null || age > options.Value.ResumeWithin)
            {
                BotLog.TurnExpired(logger, age);
                await transcript.CompleteTurnAsync(entry.ConversationId, entry.ActivityId, TurnStatus.Expired, cancellationToken);
                continue;
            }
            var alreadySent = await transcript.CountRepliesAsync(entry.ConversationId, entry.ActivityId, cancellationToken);
            dispatcher.TryEnqueue(channel.Resume(activity with { Id = entry.ActivityId }, alreadySent));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
