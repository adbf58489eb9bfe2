using ChatAdvisor.Advice;
using ChatAdvisor.Cvs;

namespace ChatAdvisor.Conversations;

/// <summary>What the bot remembers between turns of one conversation.</summary>
public sealed record ConversationState(AdviceContext Advice, int AnswersGiven)
{
    public static ConversationState Empty { get; } = new(AdviceContext.Empty, 0);

    /// <summary>The CV-upload dialog in progress, if any.</summary>
    public CvDialogState? CvDialog { get; init; }

    /// <summary>A request to see or erase data in progress, if any.</summary>
    public DataRequestState? DataRequest { get; init; }

    /// <summary>The answer a visitor just rated "not helpful", while the bot asks why (optional for them).</summary>
    public string? FeedbackReasonFor { get; init; }

    /// <summary>
    /// The language the visitor is answered in (ISO 639-1), once known: from what they write, their client's locale,
    /// or their asking for one. Null until the first message or welcome decides it.
    /// </summary>
    public string? Language { get; init; }

    /// <summary>Whether the welcome was sent (Teams announces an install twice).</summary>
    public bool Welcomed { get; init; }

    /// <summary>Whether the bot has already offered to take a CV in this conversation.</summary>
    public bool CvOffered { get; init; }

    /// <summary>
    /// The last inbound activity whose turn saved this state. A turn resumed after a restart that finds its own id
    /// here had finished; only the mark saying so was lost.
    /// </summary>
    public string? LastTurnId { get; init; }
}
