namespace ChatAdvisor.Cvs;

/// <summary>Where a CV-upload dialog stands and what it has collected. Persisted with the conversation.</summary>
public sealed record CvDialogState
{
    public CvDialogStep Step { get; init; } = CvDialogStep.Consent;

    /// <summary>Steps visited, most recent last, for "back".</summary>
    public IReadOnlyList<CvDialogStep> History { get; init; } = [];

    /// <summary>True while correcting one answer from the summary: the next answer returns to the summary.</summary>
    public bool ReturnToSummary { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset LastActivityAt { get; init; }

    public string? NoticeVersion { get; init; }

    /// <summary>The language of the notice version shown when consent was given.</summary>
    public string? NoticeLanguage { get; init; }

    public DateTimeOffset? ConsentedAt { get; init; }

    public bool TalentPool { get; init; }

    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? Roles { get; init; }

    public string? Location { get; init; }

    public string? NoticePeriod { get; init; }

    public CvFileRef? File { get; init; }

    /// <summary>
    /// Ids of the transcript activities that carry the candidate's data: their answers and the dialog's messages
    /// that repeat them. Erasure removes them from the transcript.
    /// </summary>
    public IReadOnlyList<string> AnswerActivityIds { get; init; } = [];
}

public enum CvDialogStep
{
    Consent,
    TalentPool,
    Name,
    Email,
    Roles,
    Location,
    NoticePeriod,
    File,
    Summary,
    ChooseCorrection,
}

/// <summary>A CV file that passed inspection and scanning and is held in the CV store.</summary>
public sealed record CvFileRef(string StorageKey, string FileName, CvFileType Type, long Size, string Sha256);
