using ChatAdvisor.Conversations;
using ChatAdvisor.Cvs;

namespace ChatAdvisor.Web.Bot.CvUpload;

/// <summary>
/// The turns of a data request ("what do you hold about me?", "delete my data"): feeds the dialog, then checks the
/// reference and secret and shows or erases the application, redacting the message that carried the secret.
/// </summary>
public sealed class DataRequestTurns(CvSubmissions submissions, TranscriptStore transcript)
{
    public async Task<ConversationState> StartAsync(TurnContext turn, CvText words, DataRequestKind kind, ConversationState state, CancellationToken cancellationToken)
    {
        var result = DataRequestDialog.Start(kind, words);
        return await ApplyAsync(turn, words, result, state, cancellationToken);
    }

    public async Task<ConversationState> ContinueAsync(TurnContext turn, CvText words, string text, ConversationState state, CancellationToken cancellationToken)
    {
        var result = DataRequestDialog.Next(state.DataRequest!, text, turn.Activity.Id, words);
        return await ApplyAsync(turn, words, result, state, cancellationToken);
    }

    private async Task<ConversationState> ApplyAsync(TurnContext turn, CvText words, CvDialogResult<DataRequestState> result, ConversationState state,
        CancellationToken cancellationToken)
    {
        foreach (var request in result.Effects.OfType<DataRequestEffect>())
        {
            await CarryOutAsync(turn, words, request, cancellationToken);
        }
        foreach (var message in result.Messages)
        {
            await DialogReplies.SendAsync(turn, message, cancellationToken);
        }
        return state with { DataRequest = result.State };
    }

    private async Task CarryOutAsync(TurnContext turn, CvText words, DataRequestEffect request, CancellationToken cancellationToken)
    {
        if (request.SecretActivityId is { } secretMessage)
        {
            await transcript.RedactAsync(turn.ConversationId, [secretMessage], cancellationToken);
        }
        DataRequestOutcome outcome;
        if (request.Kind == DataRequestKind.Export)
        {
            (outcome, var submission) = await submissions.ExportAsync(request.Reference, request.Secret, turn.ChannelId, cancellationToken);
            if (submission is not null)
            {
                var shown = await DialogReplies.SendAsync(turn, new CvDialogMessage(words.Export(submission), []), cancellationToken);
                // The export repeats the candidate's data: erasing the application removes this message too.
                await submissions.TrackActivitiesAsync(submission.Reference, [shown], cancellationToken);
                return;
            }
        }
        else
        {
            outcome = await submissions.EraseAsync(request.Reference, request.Secret, turn.ChannelId, cancellationToken);
        }
        var reply = outcome switch
        {
            DataRequestOutcome.Verified => words["data-erased"],
            DataRequestOutcome.Locked => words["data-locked"],
            _ => words["data-wrong-secret"],
        };
        await DialogReplies.SendAsync(turn, new CvDialogMessage(reply, []), cancellationToken);
    }
}
