using ChatAdvisor.Conversations;
using ChatAdvisor.Web.Bot;
using ChatAdvisor.Web.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Channels.DirectLine;

/// <summary>
/// The Direct Line channel inside the host: stores every activity of a conversation in order (that store is the
/// transcript, the echo and the replay source), pushes it to open streams and hands user activities to the bot.
/// </summary>
public sealed class DirectLineChannel(
    ConversationStore conversations,
    TranscriptStore transcript,
    ConversationHub hub,
    TurnDispatcher dispatcher,
    DirectLineFiles files,
    IOptions<DirectLineOptions> options)
{
    private static long s_lastTicks;

    public ChannelAccount Bot => new() { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" };

    /// <summary>Creates the conversation and lets the bot greet the user; false when it already existed.</summary>
    public async Task<bool> StartAsync(string conversationId, string userId, string? locale, CancellationToken cancellationToken)
    {
        if (!await conversations.EnsureAsync(conversationId, ChannelIds.DirectLine, userId, cancellationToken))
        {
            return false;
        }
        // conversationUpdate goes to the bot only; Direct Line never shows it to clients (see the Direct Line 3.0 API documentation).
        var joined = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            ChannelId = ChannelIds.DirectLine,
            Conversation = new ConversationAccount { Id = conversationId },
            From = new ChannelAccount { Id = userId, Role = "user" },
            Recipient = Bot,
            Locale = locale,
            Timestamp = NextTimestamp(),
            MembersAdded = [Bot, new ChannelAccount { Id = userId, Role = "user" }],
        };
        dispatcher.TryEnqueue(new TurnContext(joined, ChannelFor(joined)));
        return true;
    }

    /// <summary>Stores a user's activity (the echo clients wait for) and queues the bot's turn.</summary>
    public async Task<Activity?> PostFromUserAsync(string conversationId, string userId, Activity activity, CancellationToken cancellationToken)
    {
        var inbound = activity with
        {
            ChannelId = ChannelIds.DirectLine,
            Conversation = new ConversationAccount { Id = conversationId },
            From = new ChannelAccount { Id = userId, Name = activity.From?.Name, Role = "user" },
            Recipient = Bot,
        };
        if (inbound.Type == ActivityTypes.Typing)
        {
            return inbound with { Id = $"{conversationId}|typing", Timestamp = NextTimestamp() };
        }
        // The transcript (and so the echo and every replay) names uploaded files but holds no link to them: only the
        // bot's turn gets the address, and a CV moves on to the CV store or is deleted. It keeps the upload's id, so
        // that a restart can still finish the turn with the file.
        // Stored as a pending turn before the client hears "accepted": a restart finishes it.
        var stored = await AppendAsync(conversationId, DirectLineFiles.ForTranscript(conversationId, inbound), awaitsTurn: true, cancellationToken);
        if (stored is null)
        {
            return null;
        }
        var turn = new TurnContext(stored with { Attachments = inbound.Attachments }, ChannelFor(inbound)) { IsDurable = true };
        if (!dispatcher.TryEnqueue(turn))
        {
            await SendFromBotAsync(turn.CreateReply(BotMessages.SomethingWentWrong), cancellationToken);
        }
        return stored;
    }

    /// <summary>A turn for sending into a conversation without a new message from the user (such as after a link upload).</summary>
    public TurnContext Resume(string conversationId, string? userId)
    {
        var resume = new Activity
        {
            Type = ActivityTypes.Event,
            Name = "resume",
            ChannelId = ChannelIds.DirectLine,
            Conversation = new ConversationAccount { Id = conversationId },
            From = new ChannelAccount { Id = userId, Role = "user" },
            Recipient = Bot,
        };
        return new(resume, ChannelFor(resume));
    }

    public Task<List<TranscriptActivity>> ListAfterAsync(string conversationId, long watermark, CancellationToken cancellationToken) =>
        transcript.ListAfterAsync(conversationId, watermark, 500, cancellationToken);

    public Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken) =>
        conversations.ExistsAsync(conversationId, cancellationToken);

    private async Task<string> SendFromBotAsync(Activity reply, CancellationToken cancellationToken)
    {
        var conversationId = reply.Conversation?.Id ?? throw new InvalidOperationException("A reply needs a conversation.");
        var stored = await AppendAsync(conversationId, reply with { From = Bot }, awaitsTurn: false, cancellationToken)
            ?? throw new InvalidOperationException("The conversation no longer exists.");
        return stored.Id!;
    }

    private async Task<Activity?> AppendAsync(string conversationId, Activity activity, bool awaitsTurn, CancellationToken cancellationToken)
    {
        Activity? stored = null;
        var entry = await transcript.AppendAsync(conversationId, sequence =>
        {
            stored = activity with { Id = $"{conversationId}|{sequence:D7}", Timestamp = NextTimestamp() };
            return TranscriptMapping.ToEntry(stored, conversationId, sequence, stored.Id, stored.Timestamp!.Value, awaitsTurn);
        }, cancellationToken);
        if (entry is null)
        {
            return null;
        }
        hub.Publish(entry);
        return stored;
    }

    /// <summary>
    /// Hands the bot again a turn that a stopped host had accepted but not finished, with the addresses of the files
    /// uploaded with it restored from the ids the transcript kept.
    /// </summary>
    public TurnContext ResumeTurn(Activity activity, int alreadySent)
    {
        var restored = DirectLineFiles.Restored(activity.Conversation?.Id ?? "", activity);
        return TurnContext.Resumed(restored, alreadySent, ChannelFor(restored));
    }

    /// <summary>
    /// Web Chat on this host: every update of a streamed answer shown, citations read from the text, the welcome sent
    /// unprompted (clients never see the conversationUpdate), links resolved on the site the client came through.
    /// </summary>
    private TurnChannel ChannelFor(Activity activity) => new()
    {
        Send = SendFromBotAsync,
        Files = files.For(activity.Conversation?.Id ?? ""),
        StreamInterval = TimeSpan.Zero,
        CitationsInText = true,
        WelcomeIsUnprompted = true,
        Site = Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var site) ? site : null,
    };

    /// <summary>Strictly increasing server time, so clients order activities as they were stored.</summary>
    private static DateTime NextTimestamp()
    {
        while (true)
        {
            var last = Interlocked.Read(ref s_lastTicks);
            var next = Math.Max(DateTime.UtcNow.Ticks, last + 10);
            if (Interlocked.CompareExchange(ref s_lastTicks, next, last) == last)
            {
                return new DateTime(next, DateTimeKind.Utc);
            }
        }
    }
}
