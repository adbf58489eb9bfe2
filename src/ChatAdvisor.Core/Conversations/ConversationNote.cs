using System.ComponentModel.DataAnnotations.Schema;

namespace ChatAdvisor.Conversations;

/// <summary>A recruiter's note on a conversation (<c>conversation_notes</c>, schema script 0008). Notes are never edited.</summary>
[Table("conversation_notes")]
public sealed class ConversationNote
{
    /// <summary>The longest note accepted (the schema checks it too).</summary>
    public const int MaxLength = 2000;

    [Column("id")]
    public long Id { get; set; }

    [Column("conversation_id")]
    public required string ConversationId { get; set; }

    /// <summary>The portal user's id.</summary>
    [Column("author_user_id")]
    public required string AuthorUserId { get; set; }

    [Column("text")]
    public required string Text { get; set; }

    [Column("created_at")]
    public DateTimeOffset CreatedAt { get; set; }
}
