using ChatAdvisor.Advice;

namespace ChatAdvisor.Conversations;

/// <summary>What the bot remembers between turns of one conversation.</summary>
public sealed record ConversationState(AdviceContext Advice, int AnswersGiven)
{
    public static ConversationState Empty { get; } = new(AdviceContext.Empty, 0);
}
