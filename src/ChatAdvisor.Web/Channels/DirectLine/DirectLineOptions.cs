using System.ComponentModel.DataAnnotations;

namespace ChatAdvisor.Web.Channels.DirectLine;

public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>How long a conversation token lives; clients refresh it before then. Default 30 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Longest a visitor's session lasts across token refreshes; after it, the chat needs a new conversation.
    /// Default 12 hours.
    /// </summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan MaxSessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Base64 HMAC key (at least 32 bytes) that signs tokens; set the same key on every instance. When empty, a
    /// random key is created once and kept in <see cref="SigningKeyFile"/>.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>Where a generated signing key is kept, relative to the content root. Default <c>data/directline-signing.key</c>.</summary>
    [Required]
    public string SigningKeyFile { get; set; } = "data/directline-signing.key";

    /// <summary>
    /// Optional Direct Line secret for server-to-server callers (<c>/tokens/generate</c>). No default: when empty,
    /// only tokens from the site's token endpoint are accepted.
    /// </summary>
    [MinLength(32)]
    public string? Secret { get; set; }

    /// <summary>Largest file accepted by <c>/upload</c>. Default 10 MB.</summary>
    [Range(1, 100 * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Folder for uploaded attachments, relative to the content root. Default <c>data/attachments</c>.</summary>
    [Required]
    public string AttachmentsPath { get; set; } = "data/attachments";

    /// <summary>Interval of empty keep-alive frames on the activity stream. Default 20 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The bot's account in Direct Line conversations.</summary>
    [Required]
    public string BotId { get; set; } = "chatadvisor-bot";

    [Required]
    public string BotName { get; set; } = "ChatAdvisor";
}
