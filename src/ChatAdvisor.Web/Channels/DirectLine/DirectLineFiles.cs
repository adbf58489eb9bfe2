using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatAdvisor.Cvs;
using ChatAdvisor.Web.Bot;
using ChatAdvisor.Web.Bot.Protocol;

namespace ChatAdvisor.Web.Channels.DirectLine;

/// <summary>
/// The files of a Direct Line turn: those uploaded to this host's attachment store for the same conversation, and
/// never a file from any other address an activity names. The bot discards a turn's files when the turn is over.
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
            // The upload copy stays until the turn has finished with it (the bot discards every file of the turn at
            // its end): a host killed while the file is scanned finds it again when it resumes the turn.
            await using (file.Content)
            {
                return new(await TurnFiles.ReadLimitedAsync(file.Content, limit, cancellationToken), name, null);
            }
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

    /// <summary>
    /// The activity as the transcript keeps it: its attachments without an address, and the ids of the
    /// conversation's uploads among them in its channel data (Web Chat reads an attachment's content, so they cannot
    /// go there), so that a turn resumed after a restart still finds its files (<see cref="Restored"/>).
    /// </summary>
    public static Activity ForTranscript(string conversationId, Activity activity)
    {
        if (activity.Attachments is not { Count: > 0 } attachments)
        {
            return activity;
        }
        var ids = attachments.Select(a => Own(conversationId, a)).ToList();
        var channelData = ids.Any(id => id is not null)
            ? (activity.ChannelData as JsonObject)?.DeepClone().AsObject() ?? []
            : null;
        if (channelData is not null)
        {
            channelData[UploadIdsKey] = new JsonArray([.. ids.Select(id => (JsonNode?)id)]);
        }
        return activity with
        {
            Attachments = [.. attachments.Select(a => a with { ContentUrl = null })],
            ChannelData = channelData ?? activity.ChannelData,
        };
    }

    /// <summary>An activity read back from the transcript with the addresses of its uploads again.</summary>
    public static Activity Restored(string conversationId, Activity activity)
    {
        if (activity.Attachments is not { Count: > 0 } attachments || activity.ChannelData?[UploadIdsKey] is not JsonArray ids)
        {
            return activity;
        }
        return activity with
        {
            Attachments = [.. attachments.Select((a, i) => i < ids.Count && ids[i] is JsonValue value && value.TryGetValue<string>(out var id) && UploadId().IsMatch(id)
                ? a with { ContentUrl = AttachmentPath(conversationId, id) }
                : a)],
        };
    }

    private const string UploadIdsKey = "chatadvisorUploadIds";

    /// <summary>Where an upload of the conversation is read back, below the site's address.</summary>
    public static string AttachmentPath(string conversationId, string attachmentId) =>
        $"{DirectLineEndpoints.BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/attachments/{attachmentId}";

    /// <summary>An upload's id: 32 hex digits (<see cref="IAttachmentStore.SaveAsync"/>).</summary>
    private const string Id = "[0-9a-f]{32}";

    /// <summary>The id of an upload this host holds for the conversation, from the address it gave the file.</summary>
    private static string? Own(string conversationId, Attachment attachment) =>
        AttachmentUrl().Match(attachment.ContentUrl ?? "") is { Success: true } match
            && Uri.UnescapeDataString(match.Groups["conversation"].Value) == conversationId
            ? match.Groups["id"].Value
            : null;

    [GeneratedRegex("^" + Id + "$")]
    private static partial Regex UploadId();

    [GeneratedRegex(DirectLineEndpoints.BasePath + "/conversations/(?<conversation>[^/]+)/attachments/(?<id>" + Id + ")$")]
    private static partial Regex AttachmentUrl();
}
