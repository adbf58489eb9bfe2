using ChatAdvisor.Conversations;
using ChatAdvisor.Web.Bot.Protocol;
using ChatAdvisor.Web.DirectLine;

namespace ChatAdvisor.Web.Bot;

/// <summary>Opens a turn for sending into an existing conversation when the user has not just written (proactive messages).</summary>
public sealed class ProactiveTurns(ConversationStore conversations, DirectLineChannel directLine)
{
    /// <summary>The conversation and a turn to send into it, or null when it does not exist or its channel cannot be reached.</summary>
    public async Task<(Conversation Conversation, TurnContext Turn)?> ResumeAsync(string conversationId, CancellationToken cancellationToken)
    {
        var conversation = await conversations.FindAsync(conversationId, cancellationToken);
        return conversation?.ChannelId switch
        {
            Channels.DirectLine => (conversation, directLine.Resume(conversationId, conversation.UserId)),
            _ => null,
        };
    }
}
