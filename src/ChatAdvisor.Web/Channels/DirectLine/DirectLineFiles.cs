using System.Text.RegularExpressions;
using ChatAdvisor.Cvs;
using ChatAdvisor.Web.Bot;
using ChatAdvisor.Web.Bot.Protocol;

namespace ChatAdvisor.Web.Channels.DirectLine;

/// <summary>
/// The files of a Direct Line turn: those uploaded to this host's attachment store for the same conversation, and
/// never a file from any other address an activity names. A file read for the bot leaves the upload store.
/// </summary>
public sealed partial class DirectLineFiles(IAttachmentStore store)
{
    public TurnFiles For(string conversationId) => new(
        TurnFiles.LinkedFiles,
        (attachment, limit, cancellationToken) => ReadAsync(conversationId, attachment, limit, cancellationToken),
        (attachment, cancellationToken) => Own(conversationId, attachment) is { } id ? store.DeleteAsync(conversationId, id, cancellationToken) : Task.CompletedTask);

    private async Task<TurnFile> ReadAsync(string conversationId, Attachment attachment, long limit, CancellationToken cancellationToken)
    {
        var name = TurnFile.NameOf(attachment);
        if (Own(conversationId, attachment) is not { } attachmentId)
        {
            return new(null, name, FileProblem.NotFetchable);
        }
        try
        {
            if (await store.OpenAsync(conversationId, attachmentId, cancellationToken) is not { } file)
            {
                return new(null, name, FileProblem.Gone);
            }
            var content = await TurnFiles.ReadLimitedAsync(file.Content, limit, cancellationToken);
            // The CV now lives only in the CV store (if accepted) or nowhere: the upload copy goes.
            await store.DeleteAsync(conversationId, attachmentId, cancellationToken);
            return new(content, name, null);
        }
        catch (FileTooLargeException)
        {
            return new(null, name, FileProblem.TooLarge);
        }
        catch (CvStorageException)
        {
            return new(null, name, FileProblem.StoreUnavailable);
        }
    }

    /// <summary>The id of an upload this host holds for the conversation, from the address it gave the file.</summary>
    private static string? Own(string conversationId, Attachment attachment) =>
        AttachmentUrl().Match(attachment.ContentUrl ?? "") is { Success: true } match
            && Uri.UnescapeDataString(match.Groups["conversation"].Value) == conversationId
            ? match.Groups["id"].Value
            : null;

    [GeneratedRegex(@"/v3/directline/conversations/(?<conversation>[^/]+)/attachments/(?<id>[0-9a-f]{32})$")]
    private static partial Regex AttachmentUrl();
}
