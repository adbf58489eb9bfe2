using ChatAdvisor.Conversations;

namespace ChatAdvisor.Web.Bot;

/// <summary>Opens a turn for sending into an existing conversation when the user has not just written (proactive messages).</summary>
public sealed class ProactiveTurns(ConversationStore conversations, IEnumerable<BotChannel> channels)
{
    /// <summary>The conversation and a turn to send into it, or null when it does not exist or its channel cannot send unprompted.</summary>
    public async Task<(Conversation Conversation, TurnContext Turn)?> ResumeAsync(string conversationId, CancellationToken cancellationToken)
    {
        var conversation = await conversations.FindAsync(conversationId, cancellationToken);
        var turn = conversation is null ? null
            : channels.FirstOrDefault(c => c.Carries(conversation.ChannelId ?? ""))?.Proactive(conversationId, conversation.UserId);
        return turn is null ? null : (conversation!, turn);
    }
}
