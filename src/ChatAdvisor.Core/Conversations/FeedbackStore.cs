using ChatAdvisor.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Conversations;

/// <summary>Keeps visitors' ratings of answers, one per answer (a new vote replaces the old one).</summary>
public sealed class FeedbackStore(IDbContextFactory<ChatAdvisorDb> dbFactory, TimeProvider time)
{
    public const int MaxReasonLength = 500;

    /// <summary>The transcript id of the answer that carried <paramref name="answerRef"/>, if it is in this conversation.</summary>
    public async Task<string?> FindAnswerAsync(string conversationId, string answerRef, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.TranscriptActivities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.AnswerRef == answerRef)
            .Select(a => a.ActivityId)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Records a rating; false when the answer is not a bot answer of this conversation.</summary>
    public async Task<bool> RateAsync(string conversationId, string answerActivityId, bool helpful, string? reason, string channelId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var isAnswer = await db.TranscriptActivities.AnyAsync(
            a => a.ConversationId == conversationId && a.ActivityId == answerActivityId && a.AnswerMode != null, cancellationToken);
        if (!isAnswer)
        {
            return false;
        }
        var existing = await db.AnswerFeedback.SingleOrDefaultAsync(f => f.ConversationId == conversationId && f.AnswerActivityId == answerActivityId, cancellationToken);
        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, MaxReasonLength)];
        if (existing is null)
        {
            db.AnswerFeedback.Add(new AnswerFeedback
            {
                ConversationId = conversationId,
                AnswerActivityId = answerActivityId,
                Helpful = helpful,
                Reason = trimmed,
                ChannelId = channelId,
                CreatedAt = time.GetUtcNow(),
            });
        }
        else
        {
            // A reason belongs to the vote it came with: changing the vote drops it.
            existing.Reason = trimmed ?? (existing.Helpful == helpful ? existing.Reason : null);
            existing.Helpful = helpful;
            existing.CreatedAt = time.GetUtcNow();
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Adds a reason to the "not helpful" rating of an answer.</summary>
    public Task<bool> AddReasonAsync(string conversationId, string answerActivityId, string reason, string channelId, CancellationToken cancellationToken) =>
        RateAsync(conversationId, answerActivityId, helpful: false, reason, channelId, cancellationToken);
}
