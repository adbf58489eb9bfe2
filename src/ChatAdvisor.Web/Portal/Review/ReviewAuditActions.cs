namespace ChatAdvisor.Web.Portal.Review;

/// <summary>The <c>portal_audit</c> actions of the review pages; the subject is a record id or a count, never personal data.</summary>
public static class ReviewAuditActions
{
    /// <summary>A transcript was opened; the subject is the conversation id.</summary>
    public const string View = "view";

    /// <summary>Transcripts were exported; the subject is the format and how many conversations, e.g. <c>csv 3</c>.</summary>
    public const string Export = "export";

    /// <summary>A CV file was downloaded; the subject is the application's reference.</summary>
    public const string CvDownload = "cv-download";

    /// <summary>A tag was added to a conversation; the subject is the conversation id.</summary>
    public const string TagAdded = "tag-added";

    /// <summary>A tag was removed from a conversation; the subject is the conversation id.</summary>
    public const string TagRemoved = "tag-removed";

    /// <summary>A note was added to a conversation; the subject is the conversation id.</summary>
    public const string NoteAdded = "note-added";
}
