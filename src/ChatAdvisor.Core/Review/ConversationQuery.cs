namespace ChatAdvisor.Review;

/// <summary>Which visitor ratings a conversation must have.</summary>
public enum FeedbackFilter
{
    /// <summary>No condition.</summary>
    Any,

    /// <summary>At least one answer rated helpful.</summary>
    Helpful,

    /// <summary>At least one answer rated not helpful.</summary>
    NotHelpful,

    /// <summary>No rated answer at all.</summary>
    None,
}

/// <summary>
/// The recruiter portal's conversation filters; every one left null (or <see cref="FeedbackFilter.Any"/>) is not applied.
/// </summary>
public sealed record ConversationQuery
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
    public const double DefaultLowConfidenceThreshold = 0.6;

    /// <summary>First UTC day (inclusive) on which the conversation was active.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last UTC day (inclusive) on which the conversation was active.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Exact channel id (<c>directline</c>, <c>msteams</c>, ...).</summary>
    public string? Channel { get; init; }

    /// <summary>The language the conversation is held in (<c>en</c>, <c>de</c>, ...).</summary>
    public string? Language { get; init; }

    /// <summary>Whether an application (CV submission) came through the conversation.</summary>
    public bool? HasCv { get; init; }

    /// <summary>Whether the bot declined to answer at least once.</summary>
    public bool? Unanswered { get; init; }

    /// <summary>Whether an answer was declined or given with less than <see cref="LowConfidenceThreshold"/>.</summary>
    public bool? LowConfidence { get; init; }

    public double LowConfidenceThreshold { get; init; } = DefaultLowConfidenceThreshold;

    public FeedbackFilter Feedback { get; init; } = FeedbackFilter.Any;

    /// <summary>Whether the visitor wrote at least one message (a conversation opened and left has none).</summary>
    public bool? HasVisitorMessage { get; init; }

    /// <summary>
    /// A role id such as <c>mlops-engineer</c>: matches answers citing a guide whose id contains it, and applications
    /// whose roles text contains it (hyphens read as spaces, so it also finds "MLOps Engineer").
    /// </summary>
    public string? Role { get; init; }

    /// <summary>Case-insensitive substring of a visitor's or the bot's message text; wildcards are taken literally.</summary>
    public string? Text { get; init; }

    /// <summary>1-based page number; values below 1 read as 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Page size from 1 to <see cref="MaxPageSize"/>; values outside are clamped.</summary>
    public int PageSize { get; init; } = DefaultPageSize;
}

/// <summary>One page of matching conversations, newest activity first, with the effective paging values.</summary>
public sealed record ConversationPage(int Total, int Page, int PageSize, IReadOnlyList<ConversationSummary> Items);

/// <summary>A conversation as the result list shows it.</summary>
/// <param name="Id">The conversation id.</param>
/// <param name="ChannelId">The channel it came through.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="LastActivityAt">When its newest activity was stored.</param>
/// <param name="MessageCount">Messages from either side (events and other activity types not counted).</param>
/// <param name="AnsweredCount">Answers given (extractive or generative).</param>
/// <param name="DeclinedCount">Answers declined.</param>
/// <param name="MinConfidence">The lowest confidence of any answer (declined ones included), null without answers.</param>
/// <param name="HasCv">Whether an application came through the conversation.</param>
/// <param name="CvReference">The reference of the latest application sent through the conversation.</param>
/// <param name="HelpfulCount">Answers rated helpful.</param>
/// <param name="NotHelpfulCount">Answers rated not helpful.</param>
/// <param name="FirstUserMessage">The visitor's first message, cut to 120 characters.</param>
/// <param name="Snippet">For text searches: an excerpt around the first match.</param>
public sealed record ConversationSummary(
    string Id,
    string ChannelId,
    DateTimeOffset StartedAt,
    DateTimeOffset LastActivityAt,
    int MessageCount,
    int AnsweredCount,
    int DeclinedCount,
    double? MinConfidence,
    bool HasCv,
    string? CvReference,
    int HelpfulCount,
    int NotHelpfulCount,
    string? FirstUserMessage,
    string? Snippet)
{
    /// <summary>The language the conversation is held in; null for a conversation without a turn yet.</summary>
    public string? Language { get; init; }
}
