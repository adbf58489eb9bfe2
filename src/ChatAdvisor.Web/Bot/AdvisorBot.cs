using System.Text.RegularExpressions;
using ChatAdvisor.Advice;
using ChatAdvisor.Conversations;
using ChatAdvisor.Knowledge;
using ChatAdvisor.Web.Bot.Protocol;

namespace ChatAdvisor.Web.Bot;

/// <summary>The turn handler: welcomes new conversations and routes messages to the advisor.</summary>
public sealed partial class AdvisorBot(Advisor advisor, KnowledgeBase knowledge, ConversationStore conversations, ILogger<AdvisorBot> logger)
{
    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        switch (turn.Activity.Type)
        {
            case ActivityTypes.ConversationUpdate when turn.Activity.MembersAdded?.Any(m => m.Id != turn.Activity.Recipient?.Id) == true:
                await WelcomeAsync(turn, cancellationToken);
                break;
            case ActivityTypes.Message:
                await OnMessageAsync(turn, cancellationToken);
                break;
            default:
                // Unknown and unhandled types are ignored, not rejected (spec A2006).
                break;
        }
    }

    private async Task WelcomeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var reply = AnswerRenderer.WithSuggestions(turn.CreateReply(BotMessages.Welcome), Suggestions.Starters(knowledge.Current, 1));
        await turn.SendAsync(reply with { Entities = [AnswerRenderer.AiMessageEntity([])] }, cancellationToken);
    }

    private async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var text = turn.Activity.Text?.Trim() ?? "";
        if (turn.Activity.Attachments is { Count: > 0 })
        {
            await turn.SendAsync(turn.CreateReply(BotMessages.FilesNotYetAccepted), cancellationToken);
            return;
        }
        if (text.Length == 0)
        {
            return;
        }
        if (GreetingPattern().IsMatch(text) || HelpPattern().IsMatch(text))
        {
            var message = HelpPattern().IsMatch(text) ? BotMessages.Help : BotMessages.Greeting;
            await turn.SendAsync(AnswerRenderer.WithSuggestions(turn.CreateReply(message), Suggestions.Starters(knowledge.Current, 1)), cancellationToken);
            return;
        }
        var (state, version) = await conversations.LoadStateAsync(turn.ConversationId, cancellationToken);
        var answer = await advisor.AnswerAsync(text, state.Advice, cancellationToken);
        await turn.SendAsync(AnswerRenderer.Render(turn, answer), cancellationToken);
        var next = state with
        {
            Advice = answer.Context,
            AnswersGiven = state.AnswersGiven + (answer.Kind == AnswerKind.Answered ? 1 : 0),
        };
        if (!await conversations.SaveStateAsync(turn.ConversationId, next, version, cancellationToken))
        {
            BotLog.StateConflict(logger);
        }
    }

    [GeneratedRegex(@"^\s*(hi|hello|hey|hiya|good (morning|afternoon|evening)|thanks?( you)?|cheers)\b[\s!.?,]*$", RegexOptions.IgnoreCase)]
    private static partial Regex GreetingPattern();

    [GeneratedRegex(@"^\s*(help|menu|what can you do\??|who are you\??|are you (a )?(bot|human|real person)\??)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex HelpPattern();
}
