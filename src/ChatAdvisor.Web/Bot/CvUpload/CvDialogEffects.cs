using ChatAdvisor.Advice;
using ChatAdvisor.Conversations;
using ChatAdvisor.Cvs;
using ChatAdvisor.Knowledge;

namespace ChatAdvisor.Web.Bot.CvUpload;

/// <summary>
/// Carries out what a CV dialog step decided (answer a question in between, discard a file, store the application)
/// and sends the step's messages, remembering the ones that repeat what the candidate entered so erasure finds them.
/// </summary>
public sealed class CvDialogEffects(Advisor advisor, ICvFileStore files, CvSubmissions submissions, KnowledgeBase knowledge)
{
    /// <summary>
    /// Carries out a step's <paramref name="effects"/> on <paramref name="state"/>, then sends its
    /// <paramref name="messages"/> in <paramref name="turn"/>, and returns the state with their ids. With
    /// <paramref name="beforeSending"/>, the state the effects lead to is handed over before any message goes out:
    /// outside a turn (the upload page) the visitor must not answer a message before its state is saved.
    /// </summary>
    /// <param name="turn">Where the messages go.</param>
    /// <param name="messages">The step's messages.</param>
    /// <param name="effects">The step's effects.</param>
    /// <param name="state">The conversation's state after the step.</param>
    /// <param name="cancellationToken">Stops the work.</param>
    /// <param name="beforeSending">Saves the state before the messages go out, if given.</param>
    public async Task<ConversationState> ApplyAsync(TurnContext turn, IReadOnlyList<CvDialogMessage> messages, IReadOnlyList<CvDialogEffect> effects,
        ConversationState state, CancellationToken cancellationToken, Func<ConversationState, Task>? beforeSending = null)
    {
        foreach (var effect in effects)
        {
            state = effect switch
            {
                AnswerQuestionEffect question => await AnswerAsync(turn, question.Question, state, cancellationToken),
                DiscardFileEffect discard => await DiscardAsync(discard.StorageKey, state, cancellationToken),
                SubmitEffect submit => await SubmitAsync(turn, submit.Application, state, cancellationToken),
                _ => throw new InvalidOperationException($"Unknown dialog effect {effect.GetType().Name}."),
            };
        }
        if (beforeSending is not null)
        {
            await beforeSending(state);
        }
        var sent = new List<string>();
        foreach (var message in messages)
        {
            sent.Add(await SendAsync(turn, message, cancellationToken));
        }
        // The dialog's own messages repeat what the candidate entered (summary, file name): erasure removes them too.
        return state.CvDialog is { } dialog && sent.Count > 0
            ? state with { CvDialog = dialog with { AnswerActivityIds = [.. dialog.AnswerActivityIds, .. sent] } }
            : state;
    }

    private async Task<ConversationState> AnswerAsync(TurnContext turn, string question, ConversationState state, CancellationToken cancellationToken)
    {
        var answer = await advisor.AnswerAsync(question, state.Advice, cancellationToken);
        // While a dialog waits for its answer, its own choices matter more than follow-up suggestions.
        await turn.SendAsync(AnswerRenderer.Render(turn, answer with { SuggestedQuestions = [] }), cancellationToken);
        return state with { Advice = answer.Context };
    }

    private async Task<ConversationState> DiscardAsync(string storageKey, ConversationState state, CancellationToken cancellationToken)
    {
        await files.DeleteAsync(storageKey, cancellationToken);
        return state;
    }

    private async Task<ConversationState> SubmitAsync(TurnContext turn, CvDialogState application, ConversationState state, CancellationToken cancellationToken)
    {
        var submitted = await submissions.SubmitAsync(application, turn.ChannelId, turn.ConversationId, cancellationToken);
        var text = Words(state).Submitted(application.Name!, submitted.Reference, submitted.Secret);
        var confirmation = await SendAsync(turn, new CvDialogMessage(text, []), cancellationToken);
        await submissions.TrackActivitiesAsync(submitted.Reference, [confirmation], cancellationToken);
        return state;
    }

    private static Task<string> SendAsync(TurnContext turn, CvDialogMessage message, CancellationToken cancellationToken) =>
        DialogReplies.SendAsync(turn, message, cancellationToken);

    private CvText Words(ConversationState state) => CvText.For(knowledge.Messages(state.Language));
}
