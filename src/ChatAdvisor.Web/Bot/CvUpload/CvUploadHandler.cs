using ChatAdvisor.Advice;
using ChatAdvisor.Conversations;
using ChatAdvisor.Cvs;
using ChatAdvisor.Knowledge;
using ChatAdvisor.Web.Bot.Protocol;
using System.Text.RegularExpressions;
using ChatAdvisor.Web.Site;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Bot.CvUpload;

/// <summary>
/// Routes a turn to the CV-upload dialog or the data-request dialog (<see cref="DataRequestTurns"/>): starts them on
/// request and feeds the CV dialog text and files; <see cref="CvDialogEffects"/> carries out what the dialog decides.
/// Returns the new conversation state, or null when the turn is not for a dialog.
/// </summary>
public sealed partial class CvUploadHandler(
    CvFileIntake intake,
    DataRequestTurns dataRequests,
    ICvFileStore files,
    PrivacyNoticeStore notices,
    TranscriptStore transcript,
    UploadLinks uploadLinks,
    CvDialogEffects effects,
    Intents intents,
    KnowledgeBase knowledge,
    IOptions<CvOptions> cvOptions,
    IOptions<CvDialogOptions> dialogOptions,
    IOptions<SiteOptions> siteOptions,
    TimeProvider time)
{
    public async Task<ConversationState?> TryHandleAsync(TurnContext turn, ConversationState state, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var text = turn.Activity.Text?.Trim() ?? "";
        var sentFiles = turn.Channel.Files.Find(turn.Activity);
        var file = sentFiles.Count > 0 ? sentFiles[0] : null;
        var words = Words(state);
        if (state.CvDialog is { } stale && CvUploadDialog.IsExpired(stale, now, dialogOptions.Value.Timeout))
        {
            var expired = CvUploadDialog.Expire(stale, words);
            await transcript.RedactAsync(turn.ConversationId, stale.AnswerActivityIds, cancellationToken);
            state = await effects.ApplyAsync(turn, expired.Messages, expired.Effects, state with { CvDialog = null }, cancellationToken);
        }
        if (turn.Channel.IsGroup
            && (CvIntents.IsApply(text) || CvIntents.IsExport(text, words) || CvIntents.IsErase(text, words) || file is not null))
        {
            // Contact details, CVs and secret codes do not belong in a group chat (Teams takes files only in 1:1 chats anyway).
            await SendAsync(turn, new CvDialogMessage(words["cv-personal-chat-only"], []), cancellationToken);
            return state;
        }
        if (state.DataRequest is not null)
        {
            return await dataRequests.ContinueAsync(turn, words, text, state, cancellationToken);
        }
        if (state.CvDialog is { } dialog)
        {
            return await ContinueAsync(turn, words, dialog, text, file, sentFiles.Count, now, state, cancellationToken);
        }
        if (CvIntents.IsErase(text, words) || CvIntents.IsExport(text, words))
        {
            return await dataRequests.StartAsync(turn, words, CvIntents.IsErase(text, words) ? DataRequestKind.Erase : DataRequestKind.Export, state, cancellationToken);
        }
        if (file is not null || CvIntents.IsApply(text) || await intents.RecognizeAsync(text, state.Language ?? "en", cancellationToken) == Intents.Apply)
        {
            if (file is not null)
            {
                await DropAsync(turn, file, cancellationToken);
                await SendAsync(turn, new CvDialogMessage(words["cv-file-before-consent"], []), cancellationToken);
            }
            var started = Dialog(turn, words).Start(now);
            return await effects.ApplyAsync(turn, started.Messages, started.Effects, state with { CvDialog = started.State, CvOffered = true }, cancellationToken);
        }
        return null;
    }

    private async Task<ConversationState> ContinueAsync(TurnContext turn, CvText words, CvDialogState dialog, string text, Attachment? file, int fileCount,
        DateTimeOffset now, ConversationState state, CancellationToken cancellationToken)
    {
        var machine = Dialog(turn, words);
        if (dialog.Step == CvDialogStep.File && file is null && (LinkRequest().IsMatch(text) || words.AsksForLink(text)))
        {
            await OfferUploadLinkAsync(turn, words, cancellationToken);
            return state;
        }
        var input = new CvDialogInput(now, text, ActivityId: turn.Activity.Id);
        if (file is not null && dialog.Step == CvDialogStep.File)
        {
            if (fileCount > 1)
            {
                await SendAsync(turn, new CvDialogMessage(words["cv-one-file-only"], []), cancellationToken);
            }
            input = await intake.ReceiveAsync(turn, file, input, cancellationToken);
        }
        else if (file is not null)
        {
            await DropAsync(turn, file, cancellationToken);
        }
        var result = machine.Next(dialog, input);
        var abandoned = result.Effects.OfType<SubmitEffect>().Any() ? null
            : result.State is null ? dialog
            : result.State.AnswerActivityIds.Count < dialog.AnswerActivityIds.Count ? dialog : null;
        if (abandoned is not null)
        {
            // Cancelled, started over or declined: what was entered goes, as the dialog tells the visitor.
            await transcript.RedactAsync(turn.ConversationId, abandoned.AnswerActivityIds, cancellationToken);
        }
        return await effects.ApplyAsync(turn, result.Messages, result.Effects, state with { CvDialog = result.State }, cancellationToken);
    }

    /// <summary>
    /// Continues a conversation's dialog with a file sent through its upload link. Returns null when the file was
    /// taken, or what to tell the person on the upload page (in the conversation's language).
    /// </summary>
    public async Task<string?> ReceiveLinkUploadAsync(TurnContext turn, ConversationState state, MemoryStream content, string fileName,
        Func<Task<bool>> claimLink, Func<ConversationState, Task> save, CancellationToken cancellationToken)
    {
        var words = Words(state);
        if (state.CvDialog is not { Step: CvDialogStep.File } dialog || CvUploadDialog.IsExpired(dialog, time.GetUtcNow(), dialogOptions.Value.Timeout))
        {
            await content.DisposeAsync();
            return words["cv-link-not-waiting"];
        }
        var input = await intake.TakeAsync(content, Path.GetFileName(fileName), new CvDialogInput(time.GetUtcNow()), cancellationToken);
        if (input.File is null)
        {
            return words.Translate(input.RejectedFileProblem ?? CvText.English["cv-download-failed"]);
        }
        if (!await claimLink())
        {
            // Used by a parallel upload in the meantime: this copy is not needed.
            await files.DeleteAsync(input.File.StorageKey, cancellationToken);
            return words["cv-link-not-waiting"];
        }
        var result = Dialog(turn, words).Next(dialog, input);
        // Saved before the summary goes out, so that a reply to it finds the dialog at its next step; saved again after,
        // with the ids of the messages sent (erasure removes them).
        await save(await effects.ApplyAsync(turn, result.Messages, result.Effects, state with { CvDialog = result.State }, cancellationToken, save));
        return null;
    }

    private async Task OfferUploadLinkAsync(TurnContext turn, CvText words, CancellationToken cancellationToken)
    {
        var path = await uploadLinks.CreateAsync(turn.ConversationId, turn.ChannelId, cancellationToken);
        var url = SiteLinks.Absolute(turn, siteOptions.Value, path);
        await SendAsync(turn, new CvDialogMessage(words.UploadLink(url, uploadLinks.Lifetime), [words.Cancel.Title]), cancellationToken);
    }

    /// <summary>
    /// Deletes this host's copies of every file the turn carried: an accepted CV has moved to the CV store by now,
    /// and nothing else sent in the chat is kept.
    /// </summary>
    public async Task ForgetUploadsAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        foreach (var attachment in turn.Activity.Attachments ?? [])
        {
            await turn.Channel.Files.Discard(attachment, cancellationToken);
        }
    }

    /// <summary>A file sent when none was asked for is not kept.</summary>
    private static Task DropAsync(TurnContext turn, Attachment file, CancellationToken cancellationToken) =>
        turn.Channel.Files.Discard(file, cancellationToken);

    private static Task<string> SendAsync(TurnContext turn, CvDialogMessage message, CancellationToken cancellationToken) =>
        DialogReplies.SendAsync(turn, message, cancellationToken);

    /// <summary>The dialogs' words in the conversation's language.</summary>
    private CvText Words(ConversationState state) => CvText.For(knowledge.Messages(state.Language));

    /// <summary>
    /// The dialog in the conversation's language, with the current privacy notice in that language (English where
    /// it has none), whose link must work where the visitor reads it.
    /// </summary>
    private CvUploadDialog Dialog(TurnContext turn, CvText words)
    {
        var notice = notices.Load(words.Language);
        return new(notice with { Url = SiteLinks.Absolute(turn, siteOptions.Value, notice.Url) }, cvOptions.Value.MaxFileBytes, words);
    }

    [GeneratedRegex(@"\b(link|can'?t (attach|upload|send)|cannot (attach|upload|send)|(attach|upload)(ing)? (doesn'?t|does not|won'?t) work)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LinkRequest();
}
