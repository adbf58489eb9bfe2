using System.Text.Json;
using System.Text.Json.Nodes;
using ChatAdvisor.Conversations;
using ChatAdvisor.Web.Bot;
using ChatAdvisor.Web.Bot.Protocol;
using ChatAdvisor.Web.Channels.BotFramework.Connector;
using ChatAdvisor.Web.Channels.BotFramework.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Channels.BotFramework;

/// <summary>
/// Channels behind Azure Bot Service (Teams, Azure Web Chat): authenticated activities come in on /api/messages;
/// replies go out through the Connector REST API. Both are kept in the transcript. Repeated deliveries of the
/// same activity are processed once.
/// </summary>
public sealed partial class BotFrameworkChannel(
    IServiceProvider services,
    ConversationStore conversations,
    TranscriptStore transcript,
    TurnDispatcher dispatcher,
    TrustedServiceUrls trusted,
    FeedbackHandler feedback,
    TeamsFiles teamsFiles,
    IMemoryCache seen,
    IOptions<TeamsOptions> teams,
    ILogger<BotFrameworkChannel> logger)
{
    private static readonly TimeSpan s_deduplicationWindow = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_teamsStreamPace = TimeSpan.FromSeconds(1.5);
    private readonly Lock _gate = new();

    /// <summary>Takes one authenticated activity and answers what the HTTP response must say (see the Bot Connector API documentation).</summary>
    public Task<IResult> ReceiveAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Id is null)
        {
            return ProcessAsync(activity, cancellationToken);
        }
        // The work is registered before it starts, so a redelivery that arrives while the first delivery is still
        // being processed (Teams retries after ~15 s) shares its outcome instead of running the turn again.
        var key = $"activity:{activity.ChannelId}:{activity.Conversation?.Id}:{activity.Id}";
        Lazy<Task<IResult>> work;
        lock (_gate)
        {
            // The cache's GetOrCreate alone is not atomic: two simultaneous deliveries could both create.
            work = seen.GetOrCreate(key, entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = s_deduplicationWindow;
                return new Lazy<Task<IResult>>(() => ProcessOrForgetAsync(key, activity));
            })!;
        }
        return work.Value.WaitAsync(cancellationToken);
    }

    /// <summary>A delivery that could not be stored is not acknowledged, and not remembered: the channel's retry gets a fresh try.</summary>
    private async Task<IResult> ProcessOrForgetAsync(string key, Activity activity)
    {
        try
        {
            return await ProcessAsync(activity, CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            seen.Remove(key);
            NotAccepted(logger, activity.Type, ex);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    private async Task<IResult> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "The activity needs conversation.id.");
        }
        if (TeamsActivities.IsTeams(activity) && !IsAllowedTenant(activity))
        {
            return await RefuseTenantAsync(activity, cancellationToken);
        }
        // Every inbound activity goes into the transcript, as Direct Line keeps every one it carries, and one the bot
        // answers later is stored as a pending turn before it is acknowledged: a restart finishes it.
        var isInvoke = activity.Type == ActivityTypes.Invoke;
        var inbound = activity with { From = activity.From is { } sender ? sender with { Role = "user" } : null };
        var isNew = await StoreAsync(conversationId, inbound, awaitsTurn: !isInvoke, inbound: true, cancellationToken);
        var turn = new TurnContext(Addressed(activity), ChannelFor(activity, SendAsync)) { IsDurable = isNew && !isInvoke && activity.Id is not null };
        if (isInvoke)
        {
            return await InvokeAsync(turn, cancellationToken);
        }
        if (!isNew)
        {
            // Stored before: it has been answered, or is pending and the restart resumes it. Either way, not again.
            return Results.Ok();
        }
        if (!dispatcher.TryEnqueue(turn))
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        return Results.Ok();
    }

    /// <summary>Invokes are answered in the HTTP response; the only one handled is Teams' feedback on an answer.</summary>
    private async Task<IResult> InvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var value = turn.Activity.Value;
        if (turn.Activity.Name == "message/submitAction" && value.StringAt("actionName") == "feedback" && turn.Activity.ReplyToId is { } answer)
        {
            var reaction = value.StringAt("actionValue", "reaction");
            var text = FeedbackText(value.StringAt("actionValue", "feedback"));
            await feedback.RateAsync(turn, answer, helpful: reaction == "like", reason: text ?? (reaction == "like" ? null : ""), cancellationToken);
            return Results.Ok(new { });
        }
        return Results.StatusCode(StatusCodes.Status501NotImplemented);
    }

    private async Task<string> SendAsync(Activity reply, CancellationToken cancellationToken)
    {
        var id = await Connector().SendAsync(reply, cancellationToken);
        if (reply.Conversation?.Id is { } conversationId)
        {
            await StoreAsync(conversationId, reply with { Id = id, From = reply.From is { } bot ? bot with { Role = "bot" } : null }, awaitsTurn: false, inbound: false, cancellationToken);
        }
        return id;
    }

    /// <returns>False when the activity was already stored (a redelivery that outlived the de-duplication window).</returns>
    private async Task<bool> StoreAsync(string conversationId, Activity activity, bool awaitsTurn, bool inbound, CancellationToken cancellationToken)
    {
        try
        {
            var kept = activity with { Attachments = activity.Attachments?.Select(a => a with { ContentUrl = null, Content = null }).ToList() };
            TranscriptActivity Entry(long sequence) => TranscriptMapping.ToEntry(kept, conversationId, sequence,
                activity.Id ?? $"{conversationId}|{sequence:D7}", activity.Timestamp ?? DateTime.UtcNow, awaitsTurn && activity.Id is not null);
            // The conversation exists for every inbound activity but its first; only then does storing need a second
            // statement. (A reply to a conversation removed meanwhile is not stored.)
            if (await transcript.AppendAsync(conversationId, Entry, cancellationToken) is null && inbound)
            {
                await conversations.EnsureAsync(conversationId, activity.ChannelId ?? "", activity.From?.Id, cancellationToken);
                _ = await transcript.AppendAsync(conversationId, Entry, cancellationToken)
                    ?? throw new InvalidOperationException($"The conversation {conversationId} was removed while its activity was being stored.");
            }
            return true;
        }
        catch (DbUpdateException ex) when (activity.Id is not null)
        {
            if (!await transcript.ContainsAsync(conversationId, activity.Id, CancellationToken.None))
            {
                throw;
            }
            TranscriptNotStored(logger, ex);
            return false;
        }
    }

    /// <summary>Hands the bot again a turn that a stopped host had accepted but not finished.</summary>
    public TurnContext Resume(Activity activity, int alreadySent)
    {
        // It was authenticated when it came in, and its replies may go where its serviceUrl says.
        trusted.Add(activity.ServiceUrl);
        return TurnContext.Resumed(Addressed(activity), alreadySent, ChannelFor(activity, SendAsync));
    }

    /// <summary>The turn this channel hands the bot for an activity, with replies going to <paramref name="send"/>.</summary>
    internal static TurnContext TurnFor(Activity activity, TeamsFiles teamsFiles, Func<Activity, CancellationToken, Task<string>> send) =>
        new(Addressed(activity), ChannelFor(activity, teamsFiles, send));

    private TurnChannel ChannelFor(Activity activity, Func<Activity, CancellationToken, Task<string>> send) => ChannelFor(activity, teamsFiles, send);

    /// <summary>What the conversation the activity came from allows: Teams groups, Teams personal chats, or Azure's other channels.</summary>
    private static TurnChannel ChannelFor(Activity activity, TeamsFiles teamsFiles, Func<Activity, CancellationToken, Task<string>> send)
    {
        var isTeams = TeamsActivities.IsTeams(activity);
        var isGroup = isTeams && TeamsActivities.IsGroup(activity);
        return new TurnChannel
        {
            Send = send,
            Files = isTeams ? teamsFiles.Files : TurnFiles.Unfetchable,
            IsGroup = isGroup,
            IsAddressed = !isGroup || TeamsActivities.MentionsBot(activity),
            // Teams streams in personal chats only and throttles fast updates; Web Chat through Azure shows every one.
            StreamInterval = isTeams ? (isGroup ? null : s_teamsStreamPace)
                : activity.ChannelId is ChannelIds.DirectLine or ChannelIds.WebChat ? TimeSpan.Zero : null,
            CitationsInText = !isTeams,
            HasFeedbackLoop = isTeams,
            WelcomesWhenBotAdded = isTeams,
            WelcomeIsUnprompted = activity.ChannelId is ChannelIds.DirectLine or ChannelIds.WebChat,
        };
    }

    /// <summary>The bot reads a Teams message without the @mention that addressed it.</summary>
    private static Activity Addressed(Activity activity) =>
        TeamsActivities.IsTeams(activity) && activity.Type == ActivityTypes.Message ? TeamsActivities.WithoutBotMention(activity) : activity;

    private bool IsAllowedTenant(Activity activity) =>
        TeamsActivities.TenantId(activity) is { } tenant && teams.Value.AllowedTenants.Contains(tenant, StringComparer.OrdinalIgnoreCase);

    private async Task<IResult> RefuseTenantAsync(Activity activity, CancellationToken cancellationToken)
    {
        TenantRefused(logger, TeamsActivities.TenantId(activity) ?? "(none)", activity.Type);
        if (activity.Type == ActivityTypes.Message)
        {
            // Nothing about this conversation is stored: not the message, not the reply. A failed refusal is not
            // worth a redelivery loop, so it is only logged.
            try
            {
                await Connector().SendAsync(new TurnContext(activity, new TurnChannel { Send = (_, _) => Task.FromResult("") }).CreateReply(BotMessages.TenantNotAllowed), cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutException or InvalidOperationException)
            {
                RefusalNotSent(logger, ex);
            }
        }
        return activity.Type == ActivityTypes.Invoke ? Results.StatusCode(StatusCodes.Status403Forbidden) : Results.Ok();
    }

    /// <summary>A fresh typed client per send, so its handler is rotated by the client factory (this channel lives for the app).</summary>
    private ConnectorClient Connector() => services.GetRequiredService<ConnectorClient>();

    private static string? FeedbackText(string? json)
    {
        try
        {
            return json is null ? null : JsonNode.Parse(json).StringAt("feedbackText");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(3201, LogLevel.Warning, "Refused a {Type} activity from tenant {TenantId}: not on Teams:AllowedTenants")]
    private static partial void TenantRefused(ILogger logger, string tenantId, string? type);

    [LoggerMessage(3203, LogLevel.Warning, "The refusal for a tenant outside the allow-list could not be sent")]
    private static partial void RefusalNotSent(ILogger logger, Exception exception);

    [LoggerMessage(3204, LogLevel.Error, "A {Type} activity could not be stored and was not accepted; the channel will deliver it again")]
    private static partial void NotAccepted(ILogger logger, string? type, Exception exception);

    [LoggerMessage(3202, LogLevel.Information, "An activity was delivered again after it had been stored; it is not handled twice")]
    private static partial void TranscriptNotStored(ILogger logger, Exception exception);
}
