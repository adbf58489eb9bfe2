namespace ChatAdvisor.Cvs;

/// <summary>
/// An application sent through the chat: what the candidate entered, the stored file and the consent record.
/// The candidate can see or erase it with <see cref="Reference"/> and the secret given at submission.
/// </summary>
public sealed class CvSubmission
{
    public required string Id { get; set; }

    public required string Reference { get; set; }

    public required string SecretHash { get; set; }

    public required string Name { get; set; }

    public required string Email { get; set; }

    public required string Roles { get; set; }

    public string? Location { get; set; }

    public string? NoticePeriod { get; set; }

    public bool TalentPool { get; set; }

    public required string FileName { get; set; }

    public required string FileType { get; set; }

    public long FileSize { get; set; }

    public required string FileSha256 { get; set; }

    public required string StorageKey { get; set; }

    public required string ChannelId { get; set; }

    public required string ConversationId { get; set; }

    /// <summary>JSON array of the transcript activity ids that carried the candidate's answers.</summary>
    public required string AnswerActivityIds { get; set; }

    public required string NoticeVersion { get; set; }

    /// <summary>The language of the privacy notice version the candidate was shown.</summary>
    public string NoticeLanguage { get; set; } = "en";

    public DateTimeOffset ConsentedAt { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }
}
