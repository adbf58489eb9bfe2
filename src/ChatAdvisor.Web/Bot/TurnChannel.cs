using ChatAdvisor.Web.Bot.Protocol;

namespace ChatAdvisor.Web.Bot;

/// <summary>
/// What a channel hands the bot with each turn: the way back, what the conversation there allows and how to read
/// the files a visitor attached. The bot knows a channel only through this; the channels depend on the bot.
/// </summary>
public sealed record TurnChannel
{
    /// <summary>Sends an activity into the conversation and returns the id the channel gave it.</summary>
    public required Func<Activity, CancellationToken, Task<string>> Send { get; init; }

    public TurnFiles Files { get; init; } = TurnFiles.None;

    /// <summary>A group chat or team channel: the bot answers only when addressed there and collects no personal data.</summary>
    public bool IsGroup { get; init; }

    /// <summary>The message speaks to the bot (in a group: it @mentions it; the channel has taken the mention out of the text).</summary>
    public bool IsAddressed { get; init; } = true;

    /// <summary>The least time between two updates of a streamed answer; null when the channel cannot show one.</summary>
    public TimeSpan? StreamInterval { get; init; }

    /// <summary>The client resolves an answer's citations from Markdown link definitions in its text (Web Chat).</summary>
    public bool CitationsInText { get; init; }

    /// <summary>The client collects ratings through its own feedback loop (Teams), switched on per message.</summary>
    public bool HasFeedbackLoop { get; init; }

    /// <summary>
    /// Who joining starts the welcome: the bot itself being added (Teams, where every member joining a team is
    /// announced), or otherwise the user.
    /// </summary>
    public bool WelcomesWhenBotAdded { get; init; }

    /// <summary>The welcome replies to nothing the user can see (Direct Line never shows its conversationUpdate).</summary>
    public bool WelcomeIsUnprompted { get; init; }

    /// <summary>The site the conversation runs on, where links to this host's pages resolve; null when unknown.</summary>
    public Uri? Site { get; init; }
}

/// <summary>How a channel finds, reads and drops the files attached to an activity.</summary>
/// <param name="Find">The attachments that are files (not cards).</param>
/// <param name="Read">Reads one into memory, at most the given number of bytes.</param>
/// <param name="Discard">Deletes the channel's own copy of a file that will not be used (remote files are simply not fetched).</param>
public sealed record TurnFiles(
    Func<Activity, IReadOnlyList<Attachment>> Find,
    Func<Attachment, long, CancellationToken, Task<TurnFile>> Read,
    Func<Attachment, CancellationToken, Task> Discard)
{
    /// <summary>A channel that carries no files.</summary>
    public static TurnFiles None { get; } = new(_ => [], NotFetched, (_, _) => Task.CompletedTask);

    /// <summary>A channel whose files this host never fetches: the bot sees them, and says it cannot take them from there.</summary>
    public static TurnFiles Unfetchable { get; } = new(LinkedFiles, NotFetched, (_, _) => Task.CompletedTask);

    /// <summary>The attachments of an activity that point to files.</summary>
    public static IReadOnlyList<Attachment> LinkedFiles(Activity activity) => [.. (activity.Attachments ?? []).Where(IsLinkedFile)];

    /// <summary>An attachment that points to a file (not a card, not the HTML copy of a message).</summary>
    public static bool IsLinkedFile(Attachment attachment) =>
        attachment.ContentUrl is not null && attachment.ContentType != "text/html"
        && attachment.ContentType?.StartsWith("application/vnd.microsoft.card", StringComparison.Ordinal) != true;

    private static Task<TurnFile> NotFetched(Attachment attachment, long limit, CancellationToken cancellationToken) =>
        Task.FromResult(new TurnFile(null, TurnFile.NameOf(attachment), FileProblem.NotFetchable));

    /// <summary>Reads a stream into memory, failing with <see cref="FileTooLargeException"/> past <paramref name="limit"/> bytes; disposes the source.</summary>
    public static async Task<MemoryStream> ReadLimitedAsync(Stream source, long limit, CancellationToken cancellationToken)
    {
        await using (source)
        {
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    await buffer.DisposeAsync();
                    throw new FileTooLargeException();
                }
                buffer.Write(chunk, 0, read);
            }
            buffer.Position = 0;
            return buffer;
        }
    }
}

/// <summary>A file read from a channel, or why it could not be.</summary>
public sealed record TurnFile(MemoryStream? Content, string Name, FileProblem? Problem)
{
    public static string NameOf(Attachment attachment) => AttachmentNames.Clean(attachment.Name) ?? "cv";
}

public enum FileProblem
{
    /// <summary>The file is somewhere this host does not fetch from.</summary>
    NotFetchable,
    /// <summary>The channel no longer has it.</summary>
    Gone,
    DownloadFailed,
    StoreUnavailable,
    TooLarge,
}

public sealed class FileTooLargeException : Exception;
