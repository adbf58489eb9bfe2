using System.ComponentModel.DataAnnotations.Schema;
using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Conversations;

/// <summary>A recruiter's tag on a conversation (<c>conversation_tags</c>, schema script 0008); one row per tag.</summary>
[Table("conversation_tags")]
[PrimaryKey(nameof(ConversationId), nameof(Tag))]
public sealed class ConversationTag
{
    /// <summary>The longest tag accepted.</summary>
    public const int MaxLength = 50;

    [Column("conversation_id")]
    public required string ConversationId { get; set; }

    [Column("tag")]
    public required string Tag { get; set; }

    /// <summary>The portal user's id.</summary>
    [Column("created_by")]
    public required string CreatedBy { get; set; }

    [Column("created_at")]
    public DateTimeOffset CreatedAt { get; set; }
}
