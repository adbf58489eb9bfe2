namespace ChatAdvisor.Conversations;

/// <summary>A visitor's rating of one answer: helpful or not, with an optional reason. The latest rating counts.</summary>
public sealed class AnswerFeedback
{
    public long Id { get; set; }

    public required string ConversationId { get; set; }

    public required string AnswerActivityId { get; set; }

    public bool Helpful { get; set; }

    public string? Reason { get; set; }

    public required string ChannelId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
