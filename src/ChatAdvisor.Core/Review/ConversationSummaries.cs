using ChatAdvisor.Cvs;
using ChatAdvisor.Conversations;
using ChatAdvisor.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Review;

/// <summary>Builds the result rows of one page of conversations (at most <see cref="ConversationQuery.MaxPageSize"/>).</summary>
internal static class ConversationSummaries
{
    public const int FirstMessageLength = 120;
    public const int SnippetRadius = 60;

    public static async Task<List<ConversationSummary>> LoadAsync(ChatAdvisorDb db, List<string> ids, string? text, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var conversations = await db.Conversations.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.ChannelId, c.StartedAt, c.LastActivityAt, c.Language })
            .ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken);
        var activities = await db.TranscriptActivities.AsNoTracking()
            .Where(a => ids.Contains(a.ConversationId))
            .GroupBy(a => a.ConversationId)
            .Select(g => new
            {
                Id = g.Key,
                Messages = g.Count(a => a.Type == ReviewSql.Message),
                Answered = g.Count(a => a.AnswerMode != null && a.AnswerMode != ReviewSql.Declined),
                Declined = g.Count(a => a.AnswerMode == ReviewSql.Declined),
                MinConfidence = g.Min(a => a.AnswerMode != null ? a.AnswerConfidence : null),
            })
            .ToDictionaryAsync(s => s.Id, StringComparer.Ordinal, cancellationToken);
        var feedback = await db.AnswerFeedback.AsNoTracking()
            .Where(f => ids.Contains(f.ConversationId))
            .GroupBy(f => f.ConversationId)
            .Select(g => new { Id = g.Key, Helpful = g.Count(f => f.Helpful), NotHelpful = g.Count(f => !f.Helpful) })
            .ToDictionaryAsync(f => f.Id, StringComparer.Ordinal, cancellationToken);
        // Latest application per conversation, picked in memory (SQLite cannot order DateTimeOffset).
        var cvs = (await db.CvSubmissions.AsNoTracking()
                .Where(s => ids.Contains(s.ConversationId))
                .Select(s => new { s.ConversationId, s.Reference, s.SubmittedAt })
                .ToListAsync(cancellationToken))
            .GroupBy(s => s.ConversationId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.SubmittedAt)!.Reference, StringComparer.Ordinal);
        var userMessages = db.TranscriptActivities.Where(a => a.FromRole == ReviewSql.User && a.Type == ReviewSql.Message && a.Text != null && a.Text != "");
        var firstMessages = await FirstTextsAsync(userMessages, ids, cancellationToken);
        var firstMatches = text is null ? [] : await FirstTextsAsync(ConversationSearch.MatchingTexts(db, text), ids, cancellationToken);

        var items = new List<ConversationSummary>(ids.Count);
        foreach (var id in ids.Where(conversations.ContainsKey))
        {
            var c = conversations[id];
            var a = activities.GetValueOrDefault(id);
            var f = feedback.GetValueOrDefault(id);
            var cv = cvs.GetValueOrDefault(id);
            items.Add(new ConversationSummary(
                c.Id, c.ChannelId, c.StartedAt, c.LastActivityAt,
                a?.Messages ?? 0, a?.Answered ?? 0, a?.Declined ?? 0, a?.MinConfidence,
                cv is not null, cv,
                f?.Helpful ?? 0, f?.NotHelpful ?? 0,
                firstMessages.TryGetValue(id, out var first) ? ReviewSql.Truncate(first, FirstMessageLength) : null,
                text is not null && firstMatches.TryGetValue(id, out var match) ? SecretMask.Apply(ReviewSql.Snippet(match, text, SnippetRadius)) : null)
            {
                Language = c.Language,
            });
        }
        return items;
    }

    /// <summary>The text of the earliest activity of <paramref name="source"/> in each of the conversations.</summary>
    private static async Task<Dictionary<string, string>> FirstTextsAsync(IQueryable<TranscriptActivity> source, List<string> ids, CancellationToken cancellationToken) =>
        await source.AsNoTracking()
            .Where(a => ids.Contains(a.ConversationId)
                && a.Sequence == source.Where(b => b.ConversationId == a.ConversationId).Min(b => b.Sequence))
            .Select(a => new { a.ConversationId, a.Text })
            .ToDictionaryAsync(a => a.ConversationId, a => a.Text ?? "", StringComparer.Ordinal, cancellationToken);
}
