using ChatAdvisor.Cvs;

namespace ChatAdvisor.Web.Bot.CvUpload;

/// <summary>How a dialog's message goes out: its text, its choices as suggested actions, marked as the AI's.</summary>
internal static class DialogReplies
{
    public static Task<string> SendAsync(TurnContext turn, CvDialogMessage message, CancellationToken cancellationToken)
    {
        var reply = AnswerRenderer.WithSuggestions(turn.CreateReply(message.Text), message.Choices);
        return turn.SendAsync(reply with { Entities = [AnswerRenderer.AiMessageEntity([])] }, cancellationToken);
    }
}
