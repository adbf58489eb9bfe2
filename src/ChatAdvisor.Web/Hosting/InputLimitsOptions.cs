using System.ComponentModel.DataAnnotations;

namespace ChatAdvisor.Web.Hosting;

/// <summary>
/// What a visitor may send: every route that takes bytes from outside checks these before storing anything.
/// The defaults leave room for a long question and a few CV files; lower them freely, raise them with care.
/// </summary>
public sealed class InputLimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>Longest message text, in characters. Default 4,000.</summary>
    [Range(100, 100_000)]
    public int MaxTextLength { get; set; } = 4_000;

    /// <summary>Largest activity body (JSON) on Direct Line and <c>/api/messages</c>, in bytes. Default 256 KB.</summary>
    [Range(4 * 1024, 4 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Most files in one upload (one activity). Default 5.</summary>
    [Range(1, 50)]
    public int MaxAttachmentsPerActivity { get; set; } = 5;

    /// <summary>Most files one conversation may upload over its life on this instance. Default 20.</summary>
    [Range(1, 1_000)]
    public int MaxAttachmentsPerConversation { get; set; } = 20;

    /// <summary>Upload bytes one conversation may send in any hour. Default 50 MB.</summary>
    [Range(1024, 10L * 1024 * 1024 * 1024)]
    public long MaxUploadBytesPerConversationPerHour { get; set; } = 50 * 1024 * 1024;

    /// <summary>How long an uploaded file may wait for the turn that takes it before it is swept. Default 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan UnclaimedAttachmentLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Activities and uploads one Direct Line conversation may post per minute. Default 60.</summary>
    [Range(1, 10_000)]
    public int ActivitiesPerConversationPerMinute { get; set; } = 60;

    /// <summary>POST requests (messages, uploads, tokens) one client address may make per minute to the chat routes. Default 600.</summary>
    [Range(1, 100_000)]
    public int PostsPerAddressPerMinute { get; set; } = 600;
}
