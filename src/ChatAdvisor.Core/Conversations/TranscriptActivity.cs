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

    /// <summary>For the bot's answers: <c>extractive</c>, <c>generative</c> or <c>declined</c>.</summary>
    public string? AnswerMode { get; set; }

    /// <summary>For the bot's answers: the confidence the advisor gave it (0 to 1).</summary>
    public double? AnswerConfidence { get; set; }

    /// <summary>For the bot's answers: JSON array of the cited section keys (<c>guideId#sectionId</c>).</summary>
    public string? AnswerCitations { get; set; }

    /// <summary>For the bot's answers: the reference that rating buttons send back.</summary>
    public string? AnswerRef { get; set; }

    /// <summary>For inbound activities the bot must answer: <see cref="TurnStatus.Pending"/> until the turn has finished.</summary>
    public string? TurnStatus { get; set; }

    /// <summary>For the bot's replies: the id of the activity they answer.</summary>
    public string? ReplyToId { get; set; }
}
