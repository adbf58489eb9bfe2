namespace ChatAdvisor.Conversations;

/// <summary>One stored activity of a conversation, in order. <see cref="Json"/> is the activity as sent.</summary>
public sealed class TranscriptActivity
{
    public required string ConversationId { get; set; }

    public long Sequence { get; set; }

    public required string ActivityId { get; set; }

    public required string Type { get; set; }

    public string? FromRole { get; set; }

    public string? Text { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    public required string Json { get; set; }
}
