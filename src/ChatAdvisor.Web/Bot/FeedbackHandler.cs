using System.Text.RegularExpressions;
using ChatAdvisor.Conversations;
using ChatAdvisor.Web.Bot.CvUpload;
using ChatAdvisor.Web.Bot.Protocol;

namespace ChatAdvisor.Web.Bot;

/// <summary>
/// Ratings of answers: Web Chat's thumbs (an event naming the rated answer) and Teams' feedback loop (an invoke
/// replying to it). A "not helpful" vote is followed by an optional question why.
/// </summary>
public sealed partial class FeedbackHandler(FeedbackStore feedback, ConversationStore conversations)
{
    public const string WebChatEvent = "webchat:activity-status/feedback";

    public static readonly string[] Reasons = ["It didn't answer my question", "Information was missing", "It was hard to understand"];

    /// <summary>Handles Web Chat's rating event; returns false when it is not one.</summary>
    public async Task<bool> TryHandleWebChatEventAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var action = turn.Activity.Entities is { Count: > 0 } entities ? entities[0] : null;
        var type = action.StringAt("@type");
        var id = action.StringAt("@id");
        if (turn.Activity.Name != WebChatEvent || type is not ("LikeAction" or "DislikeAction")
            || id?.StartsWith(AnswerRenderer.FeedbackPrefix, StringComparison.Ordinal) != true)
        {
            return false;
        }
        var answer = await feedback.FindAnswerAsync(turn.ConversationId, id[AnswerRenderer.FeedbackPrefix.Length..], cancellationToken);
        if (answer is not null)
        {
            await RateAsync(turn, answer, helpful: type == "LikeAction", reason: null, cancellationToken);
        }
        return true;
    }

    /// <summary>Records a rating; after "not helpful" without a reason, asks (once) what was wrong.</summary>
    public async Task RateAsync(TurnContext turn, string answerActivityId, bool helpful, string? reason, CancellationToken cancellationToken)
    {
        if (!await feedback.RateAsync(turn.ConversationId, answerActivityId, helpful, reason, turn.ChannelId, cancellationToken))
        {
            return;
        }
        if (!helpful && reason is null)
        {
            var (state, version) = await conversations.LoadStateAsync(turn.ConversationId, cancellationToken);
            await turn.SendAsync(AnswerRenderer.WithSuggestions(turn.CreateReply(BotMessages.AskWhyNotHelpful), Reasons), cancellationToken);
            await conversations.SaveStateAsync(turn.ConversationId, state with { FeedbackReasonFor = answerActivityId }, version, cancellationToken);
        }
    }

    /// <summary>
    /// Takes the reason after a "not helpful" vote: one of the offered reasons or whatever the visitor types, unless
    /// that is a new question or request (see <see cref="IsReason"/>) or a dialog is waiting for it; those are handled
    /// as a new message. Returns the state with the question closed either way.
    /// </summary>
    public async Task<(ConversationState State, bool Handled)> TryTakeReasonAsync(TurnContext turn, ConversationState state, string text, CancellationToken cancellationToken)
    {
        if (state.FeedbackReasonFor is not { } answer)
        {
            return (state, false);
        }
        var closed = state with { FeedbackReasonFor = null };
        // While a dialog waits for an answer (a name, an email), only an offered reason counts: the rest is the dialog's.
        var inDialog = state.CvDialog is not null || state.DataRequest is not null;
        var isReason = inDialog ? Reasons.Contains(text, StringComparer.OrdinalIgnoreCase) : IsReason(text);
        if (!isReason || turn.Activity.Attachments is { Count: > 0 })
        {
            return (closed, false);
        }
        await feedback.AddReasonAsync(turn.ConversationId, answer, text, turn.ChannelId, cancellationToken);
        await turn.SendAsync(turn.CreateReply(BotMessages.ThanksForFeedback), cancellationToken);
        return (closed, true);
    }

    /// <summary>
    /// Whether a message answers "what was wrong": an offered reason, or typed text that is not a question (ends with
    /// '?' or starts like one) and not a request to apply or about one's data.
    /// </summary>
    internal static bool IsReason(string text) =>
        Reasons.Contains(text, StringComparer.OrdinalIgnoreCase)
        || (text.Length > 0 && !text.EndsWith('?') && !QuestionStart().IsMatch(text)
            && !CvIntents.IsApply(text) && !CvIntents.IsExport(text) && !CvIntents.IsErase(text));

    [GeneratedRegex(@"^\s*(what|whats|what's|how|which|who|where|when|why|can|could|do|does|is|are|should|would|will|tell me|and)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionStart();
}
