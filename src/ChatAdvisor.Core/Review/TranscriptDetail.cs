namespace ChatAdvisor.Review;

/// <summary>A whole conversation for the recruiter portal: its activities in order and the applications sent through it.</summary>
public sealed record TranscriptDetail(
    string ConversationId,
    string ChannelId,
    DateTimeOffset StartedAt,
    DateTimeOffset LastActivityAt,
    IReadOnlyList<TranscriptEntry> Activities,
    IReadOnlyList<CvSubmissionSummary> Submissions);

/// <summary>One stored activity. <see cref="Answer"/> is set for the bot's traced answers only.</summary>
public sealed record TranscriptEntry(
    long Sequence,
    string ActivityId,
    string Type,
    string? Role,
    string? Text,
    DateTimeOffset Timestamp,
    AnswerInfo? Answer)
{
    /// <summary>A bot message that replies to nothing (no <c>replyToId</c>): a greeting or a proactive message.</summary>
    public bool Unprompted { get; init; }
}

/// <summary>How an answer was produced: mode (<c>extractive</c>, <c>generative</c>, <c>declined</c>), confidence, cited section keys, and the visitor's rating.</summary>
public sealed record AnswerInfo(string Mode, double? Confidence, IReadOnlyList<string> Citations, AnswerRating? Feedback);

/// <summary>A visitor's (latest) rating of an answer.</summary>
public sealed record AnswerRating(bool Helpful, string? Reason, DateTimeOffset RatedAt);

/// <summary>
/// What a recruiter sees of an application in a transcript: what the candidate entered in the CV dialog and the file.
/// Deliberately without the candidate's secret hash or storage key.
/// </summary>
public sealed record CvSubmissionSummary(
    string Reference,
    string Name,
    string Email,
    string? Location,
    string? NoticePeriod,
    string Roles,
    string FileName,
    string FileType,
    long FileSize,
    DateTimeOffset SubmittedAt,
    bool TalentPool);
