using ActivityContext = System.Diagnostics.ActivityContext;
using ChatAdvisor.Web.Bot.Protocol;

namespace ChatAdvisor.Web.Bot;

/// <summary>One inbound activity and what its channel gave with it (the way back, the conversation's traits, its files).</summary>
public sealed class TurnContext(Activity activity, TurnChannel channel)
{
    public Activity Activity { get; } = activity;

    public TurnChannel Channel { get; } = channel;

    /// <summary>
    /// The inbound activity is in the transcript as a pending turn (<see cref="Conversations.TurnStatus"/>): the
    /// dispatcher marks it done when the turn ends, and a restart resumes it if the host dies first.
    /// </summary>
    public bool IsDurable { get; init; }

    /// <summary>
    /// The bot marked the pending turn done together with the state it saved, so the dispatcher need not write
    /// again. Shared with the copies made by <see cref="With"/>.
    /// </summary>
    public bool IsCompleted => _completed.Value;

    private System.Runtime.CompilerServices.StrongBox<bool> _completed = new();

    /// <summary>The trace of the request that brought the activity in, so the turn's spans continue it.</summary>
    public ActivityContext ReceivedIn { get; init; } = System.Diagnostics.Activity.Current?.Context ?? default;

    /// <summary>This turn was accepted by a host that stopped before finishing it.</summary>
    public bool IsResumed { get; init; }

    public string ConversationId => Activity.Conversation?.Id ?? "";

    public string ChannelId => Activity.ChannelId ?? "";

    /// <summary>The same turn with an adjusted inbound activity (for example without the bot's @mention).</summary>
    public TurnContext With(Activity activity) => new(activity, Channel) { IsDurable = IsDurable, IsResumed = IsResumed, ReceivedIn = ReceivedIn, _completed = _completed };

    internal void MarkCompleted() => _completed.Value = true;

    /// <summary>
    /// A turn resumed after a restart. It runs again from the start, so the replies the stopped host had already
    /// sent (<paramref name="alreadySent"/>, in order) are not sent a second time.
    /// </summary>
    public static TurnContext Resumed(Activity activity, int alreadySent, TurnChannel channel)
    {
        var skipped = 0;
        var send = channel.Send;
        return new TurnContext(activity, channel with
        {
            Send = (reply, cancellationToken) => Interlocked.Increment(ref skipped) <= alreadySent ? Task.FromResult("") : send(reply, cancellationToken),
        })
        {
            IsDurable = true,
            IsResumed = true,
        };
    }

    /// <summary>Sends an activity to the channel and returns the id the channel gave it.</summary>
    public async Task<string> SendAsync(Activity reply, CancellationToken cancellationToken)
    {
        using var span = Telemetry.Source.StartActivity("send");
        span?.SetTag("chatadvisor.activity.type", reply.Type);
        return await Channel.Send(reply, cancellationToken);
    }

    /// <summary>A reply addressed back to the sender, per spec section 1.6.</summary>
    public Activity CreateReply(string text)
    {
        var isWelcome = Activity.Type == ActivityTypes.ConversationUpdate && Channel.WelcomeIsUnprompted;
        return new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = Activity.ChannelId,
            ServiceUrl = Activity.ServiceUrl,
            From = Activity.Recipient is { } bot ? new ChannelAccount { Id = bot.Id, Name = bot.Name, Role = "bot" } : null,
            Recipient = Activity.From is { } user ? new ChannelAccount { Id = user.Id, Name = user.Name, Role = "user" } : null,
            Conversation = Activity.Conversation,
            ReplyToId = isWelcome ? null : Activity.Id,
            Locale = Activity.Locale,
            Text = text,
            TextFormat = "markdown",
            InputHint = "acceptingInput",
        };
    }
}
