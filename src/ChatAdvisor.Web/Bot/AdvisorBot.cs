using System.Text.RegularExpressions;
using ChatAdvisor.Advice;
using ChatAdvisor.Conversations;
using ChatAdvisor.Knowledge;
using ChatAdvisor.Languages;
using ChatAdvisor.Web.Bot.CvUpload;
using ChatAdvisor.Web.Bot.Protocol;

namespace ChatAdvisor.Web.Bot;

/// <summary>The turn handler: welcomes new conversations and routes messages to the advisor.</summary>
public sealed partial class AdvisorBot(
    Advisor advisor,
    Intents intents,
    KnowledgeBase knowledge,
    LanguageDetector languages,
    ConversationStore conversations,
    CvUploadHandler cvUpload,
    FeedbackHandler feedback,
    TimeProvider time,
    ILogger<AdvisorBot> logger)
{
    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.ConversationUpdate when IsJoining(turn):
            case ActivityTypes.InstallationUpdate when activity.Action is "add" or "add-upgrade":
                await WelcomeOnceAsync(turn, cancellationToken);
                break;
            case ActivityTypes.InstallationUpdate when activity.Action == "remove" && activity.FromAuthenticatedChannel:
                // The app was removed: what this conversation held goes with it (applications stay, under their own rules).
                // Only the channel itself can say so; a visitor or an unauthenticated local call cannot erase a transcript.
                await conversations.DeleteAsync(turn.ConversationId, cancellationToken);
                break;
            case ActivityTypes.Event when activity.Name == FeedbackHandler.WebChatEvent:
                await feedback.TryHandleWebChatEventAsync(turn, cancellationToken);
                break;
            case ActivityTypes.Message when !turn.Channel.IsAddressed:
                // In group chats and channels the bot speaks only when spoken to.
                break;
            case ActivityTypes.Message:
                await OnMessageAsync(turn, cancellationToken);
                break;
            default:
                // Unknown and unhandled types are ignored, not rejected (spec A2006).
                break;
        }
    }

    /// <summary>
    /// Someone new to greet: where the channel announces every member joining (Teams), only the bot itself being
    /// added; elsewhere the user joining.
    /// </summary>
    private static bool IsJoining(TurnContext turn) =>
        turn.Channel.WelcomesWhenBotAdded
            ? turn.Activity.MembersAdded?.Any(m => m.Id == turn.Activity.Recipient?.Id) == true
            : turn.Activity.MembersAdded?.Any(m => m.Id != turn.Activity.Recipient?.Id) == true;

    private async Task WelcomeOnceAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var (state, version) = await conversations.LoadStateAsync(turn.ConversationId, cancellationToken);
        if (state.Welcomed)
        {
            return;
        }
        // The client's language (Web Chat: the browser's; Teams: the client's) until the visitor writes.
        var language = LanguageCatalog.Find(turn.Activity.Locale) is { } hinted && languages.IsEnabled(hinted.Code) ? hinted.Code : "en";
        await WelcomeAsync(turn, language, cancellationToken);
        await conversations.SaveStateAsync(turn.ConversationId, state with { Welcomed = true, Language = state.Language ?? language }, version, cancellationToken);
    }

    private async Task WelcomeAsync(TurnContext turn, string language, CancellationToken cancellationToken)
    {
        var messages = knowledge.Messages(language);
        var reply = AnswerRenderer.WithSuggestions(turn.CreateReply(messages.Get(MessageKeys.Welcome)), Suggestions.Starters(knowledge.For(language), 1));
        await turn.SendAsync(reply with { Locale = messages.Language, Entities = [AnswerRenderer.AiMessageEntity([])] }, cancellationToken);
    }

    private async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var text = turn.Activity.Text?.Trim() ?? "";
        var (state, version) = await conversations.LoadStateAsync(turn.ConversationId, cancellationToken);
        if (turn.IsResumed && turn.Activity.Id is { } id && state.LastTurnId == id)
        {
            return;
        }
        ConversationState next;
        var decision = languages.Detect(text, turn.Activity.Locale, state.Language);
        var inLanguage = state with { Language = decision.Language, Advice = state.Advice with { Language = decision.Language } };
        try
        {
            if (decision.Requested && state.CvDialog is null && state.DataRequest is null)
            {
                // "auf Deutsch bitte": say so in the language asked for, with questions to start from in it.
                var messages = knowledge.Messages(decision.Language);
                await turn.SendAsync(AnswerRenderer.WithSuggestions(turn.CreateReply(messages.Get(MessageKeys.LanguageSwitched)) with { Locale = decision.Language },
                    Suggestions.Starters(knowledge.For(decision.Language), 1)), cancellationToken);
                next = inLanguage;
            }
            else
            {
                next = await HandleAsync(turn, text, inLanguage, cancellationToken);
            }
        }
        finally
        {
            await cvUpload.ForgetUploadsAsync(turn, cancellationToken);
        }
        if (turn.IsDurable)
        {
            next = next with { LastTurnId = turn.Activity.Id };
        }
        if (next == state)
        {
            return;
        }
        // A durable turn is marked done in the same write as its state.
        var completes = turn.IsDurable ? turn.Activity.Id : null;
        if (!await conversations.SaveStateAsync(turn.ConversationId, next, version, completes, cancellationToken))
        {
            BotLog.StateConflict(logger);
        }
        if (completes is not null)
        {
            turn.MarkCompleted();
        }
    }

    private async Task<ConversationState> HandleAsync(TurnContext turn, string text, ConversationState state, CancellationToken cancellationToken)
    {
        ConversationState next;
        {
            var (afterFeedback, handled) = await feedback.TryTakeReasonAsync(turn, state, text, cancellationToken);
            next = handled ? afterFeedback
                : await cvUpload.TryHandleAsync(turn, afterFeedback, cancellationToken) ?? await AdviseAsync(turn, text, afterFeedback, cancellationToken);
        }
        return next;
    }

    private async Task<ConversationState> AdviseAsync(TurnContext turn, string text, ConversationState state, CancellationToken cancellationToken)
    {
        if (text.Length == 0)
        {
            return state;
        }
        var language = state.Advice.Language;
        var messages = knowledge.Messages(language);
        var sendCv = messages.Get(MessageKeys.SendCv);
        if (GreetingPattern().IsMatch(text) || HelpPattern().IsMatch(text))
        {
            var message = messages.Get(HelpPattern().IsMatch(text) ? MessageKeys.Help : MessageKeys.Greeting);
            await turn.SendAsync(AnswerRenderer.WithSuggestions(turn.CreateReply(message) with { Locale = language }, Suggestions.Starters(knowledge.For(language), 1)), cancellationToken);
            return state;
        }
        if (await intents.RecognizeAsync(text, language, cancellationToken) == Intents.JobSearch)
        {
            // The guides hold no openings: say so, and offer the way that does lead to jobs.
            await turn.SendAsync(AnswerRenderer.WithSuggestions(turn.CreateReply(messages.Get(MessageKeys.NoListings)) with { Locale = language },
                [sendCv, .. Suggestions.Starters(knowledge.For(language), 1).Take(2)]), cancellationToken);
            return state with { CvOffered = true };
        }
        var stream = AnswerStream.IsSupported(turn) ? new AnswerStream(turn, time) : null;
        var answer = await advisor.AnswerAsync(text, state.Advice, cancellationToken, stream is null ? null : stream.UpdateAsync);
        var answered = answer.Kind == AnswerKind.Answered;
        // Offer to take a CV once, at a natural moment: after a second useful answer, or one about applying.
        var offer = answered && !state.CvOffered && (state.AnswersGiven >= 1 || answer.Citations.Any(c => c.SectionId == "career-support"));
        if (offer)
        {
            answer = answer with
            {
                Text = answer.Text + "\n\n" + messages.Get(MessageKeys.CvOffer),
                SuggestedQuestions = [sendCv, .. answer.SuggestedQuestions.Take(2)],
            };
        }
        if (!answered)
        {
            // A decline leads somewhere: to a recruiter through the CV dialog, or to what the guides do cover nearby.
            answer = answer with { SuggestedQuestions = [sendCv, .. answer.SuggestedQuestions.Take(2)] };
        }
        var reply = AnswerRenderer.Render(turn, answer) with { Locale = language };
        await turn.SendAsync(stream?.Finish(reply) ?? reply, cancellationToken);
        return state with
        {
            Advice = answer.Context,
            AnswersGiven = state.AnswersGiven + (answered ? 1 : 0),
            CvOffered = state.CvOffered || offer,
        };
    }

    [GeneratedRegex(@"^\s*(hi|hello|hey|hiya|good (morning|afternoon|evening)|thanks?( you)?|cheers)\b[\s!.?,]*$", RegexOptions.IgnoreCase)]
    private static partial Regex GreetingPattern();

    [GeneratedRegex(@"^\s*(help|menu|what can you do\??|who are you\??|are you (a )?(bot|human|real person)\??)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex HelpPattern();
}
