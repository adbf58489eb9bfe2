using ChatAdvisor.Conversations;
using ChatAdvisor.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Review;

/// <summary>
/// Shows content owners what to add to the knowledge: the visitor questions the bot declined, answered with low
/// confidence, or answered to a "not helpful" rating, grouped by similarity. A question is the visitor message
/// just before such an answer in sequence order; the bot's own messages, and visitor input that no traced answer
/// followed (dialog steps such as a name or an email address), never count.
/// </summary>
public sealed class KnowledgeGaps(IDbContextFactory<ChatAdvisorDb> dbFactory)
{
    public async Task<GapReport> BuildAsync(GapQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var threshold = query.LowConfidenceThreshold;
        var range = new DayRange(query.From, query.To);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var notHelpful = db.AnswerFeedback.Where(f => !f.Helpful);
        var userMessages = db.TranscriptActivities.Where(u => u.FromRole == ReviewSql.User && u.Type == ReviewSql.Message);
        var weakAnswers = db.TranscriptActivities.AsNoTracking()
            .Where(a => a.AnswerMode != null && (a.AnswerMode == ReviewSql.Declined || a.AnswerConfidence < threshold
                || notHelpful.Any(f => f.ConversationId == a.ConversationId && f.AnswerActivityId == a.ActivityId)));
        if (db.Database.IsNpgsql())
        {
            // PostgreSQL narrows by time in SQL; the in-memory range check below stays the rule for both providers.
            if (range.Start is { } start)
            {
                weakAnswers = weakAnswers.Where(a => a.Timestamp >= start);
            }
            if (range.End is { } end)
            {
                weakAnswers = weakAnswers.Where(a => a.Timestamp < end);
            }
        }
        // Scalar subqueries only: SQLite has no APPLY, so each looked-up value is its own subquery.
        var rows = await weakAnswers
            .Select(a => new
            {
                a.ConversationId,
                Language = db.Conversations.Where(c => c.Id == a.ConversationId).Select(c => c.Language).FirstOrDefault(),
                a.AnswerMode,
                a.AnswerConfidence,
                a.Timestamp,
                NotHelpful = notHelpful.Any(f => f.ConversationId == a.ConversationId && f.AnswerActivityId == a.ActivityId),
                Reason = notHelpful.Where(f => f.ConversationId == a.ConversationId && f.AnswerActivityId == a.ActivityId).Select(f => f.Reason).FirstOrDefault(),
                QuestionSequence = userMessages.Where(u => u.ConversationId == a.ConversationId && u.Sequence < a.Sequence)
                    .OrderByDescending(u => u.Sequence).Select(u => (long?)u.Sequence).FirstOrDefault(),
                Question = userMessages.Where(u => u.ConversationId == a.ConversationId && u.Sequence < a.Sequence)
                    .OrderByDescending(u => u.Sequence).Select(u => u.Text).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        // Several weak answers to one question (a follow-up, a retry) make one question with every reason they carry.
        var questions = rows
            .Where(r => range.Contains(r.Timestamp) && r.QuestionSequence is not null
                && !string.IsNullOrWhiteSpace(r.Question) && r.Question != TranscriptStore.RemovedNote)
            .GroupBy(r => (r.ConversationId, r.QuestionSequence))
            .Select(g => new GapQuestion(
                g.Key.ConversationId,
                g.First().Question!,
                g.Any(r => r.AnswerMode == ReviewSql.Declined),
                g.Any(r => r.AnswerMode != ReviewSql.Declined && r.AnswerConfidence < threshold),
                g.Any(r => r.NotHelpful),
                g.Select(r => r.Reason).FirstOrDefault(r => !string.IsNullOrWhiteSpace(r)),
                g.Max(r => r.Timestamp))
            {
                Language = g.First().Language ?? "en",
            })
            .OrderBy(q => q.Seen)
            .ToList();
        var groups = QuestionClusterer.Cluster(questions, query.SimilarityThreshold);
        return new GapReport(query.From, query.To, groups.Sum(g => g.Count), groups);
    }
}
