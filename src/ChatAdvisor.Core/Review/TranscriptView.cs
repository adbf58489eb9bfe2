using ChatAdvisor.Cvs;
using ChatAdvisor.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Review;

/// <summary>Reads one conversation for the recruiter portal.</summary>
public sealed class TranscriptView(IDbContextFactory<ChatAdvisorDb> dbFactory)
{
    /// <returns>The conversation, or null when there is none with that id.</returns>
    public async Task<TranscriptDetail?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var conversation = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == conversationId)
            .Select(c => new { c.Id, c.ChannelId, c.StartedAt, c.LastActivityAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (conversation is null)
        {
            return null;
        }
        var activities = await ReadEntriesAsync(db, conversationId, cancellationToken);
        var submissions = (await db.CvSubmissions.AsNoTracking()
                .Where(s => s.ConversationId == conversationId)
                .Select(s => new CvSubmissionSummary(s.Reference, s.Name, s.Email, s.Location, s.NoticePeriod, s.Roles, s.FileName, s.FileType, s.FileSize, s.SubmittedAt, s.TalentPool))
                .ToListAsync(cancellationToken))
            .OrderBy(s => s.SubmittedAt)
            .ToList();
        return new TranscriptDetail(conversation.Id, conversation.ChannelId, conversation.StartedAt, conversation.LastActivityAt, activities, submissions);
    }

    /// <summary>The conversation's activities in sequence order, each answer with its rating. The raw activity JSON is not read.</summary>
    internal static async Task<List<TranscriptEntry>> ReadEntriesAsync(ChatAdvisorDb db, string conversationId, CancellationToken cancellationToken)
    {
        var ratings = await db.AnswerFeedback.AsNoTracking()
            .Where(f => f.ConversationId == conversationId)
            .Select(f => new { f.AnswerActivityId, f.Helpful, f.Reason, f.CreatedAt })
            .ToDictionaryAsync(f => f.AnswerActivityId, f => new AnswerRating(f.Helpful, f.Reason, f.CreatedAt), StringComparer.Ordinal, cancellationToken);
        var rows = await db.TranscriptActivities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId)
            .OrderBy(a => a.Sequence)
            .Select(a => new
            {
                a.Sequence, a.ActivityId, a.Type, a.FromRole, a.Text, a.Timestamp, a.AnswerMode, a.AnswerConfidence, a.AnswerCitations,
                // Stored activities leave out null properties, so a reply is one whose JSON names replyToId.
                Unprompted = a.FromRole == ReviewSql.Bot && !a.Json.Contains("\"replyToId\""),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(a => new TranscriptEntry(
            a.Sequence, a.ActivityId, a.Type, a.FromRole, SecretMask.Apply(a.Text), a.Timestamp,
            a.AnswerMode is null
                ? null
                : new AnswerInfo(a.AnswerMode, a.AnswerConfidence, ReviewSql.Citations(a.AnswerCitations), ratings.GetValueOrDefault(a.ActivityId)))
        {
            Unprompted = a.Unprompted,
        })];
    }
}
