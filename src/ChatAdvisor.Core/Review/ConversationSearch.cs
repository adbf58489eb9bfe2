using ChatAdvisor.Conversations;
using ChatAdvisor.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Review;

/// <summary>
/// Finds conversations for the recruiter portal. Every filter runs in SQL, except on SQLite the date range: SQLite
/// cannot compare or order <see cref="DateTimeOffset"/> columns, so there the matching conversations' ids and times
/// are ranged, ordered and paged in memory (PostgreSQL does all of it in SQL). Only the page's conversations are summarised.
/// </summary>
public sealed class ConversationSearch(IDbContextFactory<ChatAdvisorDb> dbFactory)
{
    public async Task<ConversationPage> SearchAsync(ConversationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = Math.Max(1, query.Page);
        var pageSize = Math.Clamp(query.PageSize, 1, ConversationQuery.MaxPageSize);
        var text = string.IsNullOrWhiteSpace(query.Text) ? null : query.Text.Trim();
        var range = new DayRange(query.From, query.To);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var conversations = await FilterAsync(db, query, text, range, cancellationToken);
        var skip = (long)(page - 1) * pageSize;
        var (total, ids) = db.Database.IsNpgsql()
            ? await PageInSqlAsync(conversations, skip, pageSize, cancellationToken)
            : await PageInMemoryAsync(conversations, range, skip, pageSize, cancellationToken);
        var items = await ConversationSummaries.LoadAsync(db, ids, text, cancellationToken);
        return new ConversationPage(total, page, pageSize, items);
    }

    /// <summary>PostgreSQL has ranged the conversations already (<see cref="FilterAsync"/>) and orders them itself.</summary>
    private static async Task<(int Total, List<string> Ids)> PageInSqlAsync(
        IQueryable<Conversation> conversations, long skip, int pageSize, CancellationToken cancellationToken)
    {
        var total = await conversations.CountAsync(cancellationToken);
        List<string> ids = skip >= total ? [] : await conversations
            .OrderByDescending(c => c.LastActivityAt).ThenBy(c => EF.Functions.Collate(c.Id, "C"))
            .Skip((int)skip).Take(pageSize)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        return (total, ids);
    }

    /// <summary>SQLite cannot compare or order <see cref="DateTimeOffset"/> columns: only ids and times are read, then ranged, ordered and paged here.</summary>
    private static async Task<(int Total, List<string> Ids)> PageInMemoryAsync(
        IQueryable<Conversation> conversations, DayRange range, long skip, int pageSize, CancellationToken cancellationToken)
    {
        var matches = (await conversations.Select(c => new { c.Id, c.StartedAt, c.LastActivityAt }).ToListAsync(cancellationToken))
            .Where(c => range.Overlaps(c.StartedAt, c.LastActivityAt))
            .OrderByDescending(c => c.LastActivityAt).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => c.Id)
            .ToList();
        List<string> ids = skip >= matches.Count ? [] : matches.GetRange((int)skip, (int)Math.Min(pageSize, matches.Count - skip));
        return (matches.Count, ids);
    }

    /// <summary>The activities whose visitor or bot text contains <paramref name="text"/>.</summary>
    internal static IQueryable<TranscriptActivity> MatchingTexts(ChatAdvisorDb db, string text) =>
        db.TranscriptActivities
            .Where(a => a.FromRole == ReviewSql.User || a.FromRole == ReviewSql.Bot)
            .WhereContains(db.Database, a => a.Text, text);

    private static async Task<IQueryable<Conversation>> FilterAsync(
        ChatAdvisorDb db, ConversationQuery query, string? text, DayRange range, CancellationToken cancellationToken)
    {
        var conversations = db.Conversations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Channel))
        {
            var channel = query.Channel.Trim();
            conversations = conversations.Where(c => c.ChannelId == channel);
        }
        if (!string.IsNullOrWhiteSpace(query.Language))
        {
            var language = query.Language.Trim().ToLowerInvariant();
            conversations = conversations.Where(c => c.Language == language);
        }
        if (query.HasCv is { } hasCv)
        {
            conversations = hasCv
                ? conversations.Where(c => db.CvSubmissions.Any(s => s.ConversationId == c.Id))
                : conversations.Where(c => !db.CvSubmissions.Any(s => s.ConversationId == c.Id));
        }
        if (query.Unanswered is { } unanswered)
        {
            var declined = db.TranscriptActivities.Where(a => a.AnswerMode == ReviewSql.Declined);
            conversations = WithActivity(conversations, declined, unanswered);
        }
        if (query.HasVisitorMessage is { } hasVisitorMessage)
        {
            var visitorMessages = db.TranscriptActivities.Where(a =>
                a.FromRole == ReviewSql.User && a.Type == ReviewSql.Message && a.Text != null && a.Text != "");
            conversations = WithActivity(conversations, visitorMessages, hasVisitorMessage);
        }
        if (query.LowConfidence is { } lowConfidence)
        {
            var threshold = query.LowConfidenceThreshold;
            var weak = db.TranscriptActivities.Where(a =>
                a.AnswerMode == ReviewSql.Declined || (a.AnswerMode != null && a.AnswerConfidence < threshold));
            conversations = WithActivity(conversations, weak, lowConfidence);
        }
        conversations = query.Feedback switch
        {
            FeedbackFilter.Helpful => conversations.Where(c => db.AnswerFeedback.Any(f => f.ConversationId == c.Id && f.Helpful)),
            FeedbackFilter.NotHelpful => conversations.Where(c => db.AnswerFeedback.Any(f => f.ConversationId == c.Id && !f.Helpful)),
            FeedbackFilter.None => conversations.Where(c => !db.AnswerFeedback.Any(f => f.ConversationId == c.Id)),
            _ => conversations,
        };
        if (!string.IsNullOrWhiteSpace(query.Role))
        {
            var ids = await RoleMatchesAsync(db, query.Role.Trim(), cancellationToken);
            // One array parameter (json_each / = ANY) however many ids: one parameter per id could exceed the providers' limits.
            conversations = conversations.Where(c => EF.Parameter(ids).Contains(c.Id));
        }
        if (text is not null)
        {
            conversations = WithActivity(conversations, MatchingTexts(db, text), true);
        }
        if (db.Database.IsNpgsql())
        {
            // PostgreSQL compares timestamptz in SQL; SQLite is ranged in memory (PageInMemoryAsync).
            if (range.Start is { } start)
            {
                conversations = conversations.Where(c => c.LastActivityAt >= start);
            }
            if (range.End is { } end)
            {
                conversations = conversations.Where(c => c.StartedAt < end);
            }
        }
        return conversations;
    }

    private static IQueryable<Conversation> WithActivity(IQueryable<Conversation> conversations, IQueryable<TranscriptActivity> activities, bool present) =>
        present
            ? conversations.Where(c => activities.Any(a => a.ConversationId == c.Id))
            : conversations.Where(c => !activities.Any(a => a.ConversationId == c.Id));

    /// <summary>
    /// Conversations citing a guide whose id contains the role, or with an application naming it. Citations are
    /// narrowed with LIKE and then checked exactly, so a section id that happens to contain the role does not count.
    /// </summary>
    private static async Task<List<string>> RoleMatchesAsync(ChatAdvisorDb db, string role, CancellationToken cancellationToken)
    {
        var guideRole = string.Join('-', role.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var cited = await db.TranscriptActivities.AsNoTracking()
            .Where(a => a.AnswerCitations != null)
            .WhereContains(db.Database, a => a.AnswerCitations, guideRole)
            .Select(a => new { a.ConversationId, a.AnswerCitations })
            .ToListAsync(cancellationToken);
        var roleWords = string.Join(' ', role.Split(['-', '_', ' '], StringSplitOptions.RemoveEmptyEntries));
        var applied = await db.CvSubmissions.AsNoTracking()
            .WhereContains(db.Database, s => s.Roles, role, roleWords)
            .Select(s => s.ConversationId)
            .ToListAsync(cancellationToken);
        return [.. cited
            .Where(a => ReviewSql.Citations(a.AnswerCitations).Any(k => ReviewSql.GuideId(k).Contains(guideRole, StringComparison.OrdinalIgnoreCase)))
            .Select(a => a.ConversationId)
            .Concat(applied)
            .Distinct(StringComparer.Ordinal)];
    }
}
