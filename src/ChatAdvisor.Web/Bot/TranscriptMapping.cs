using System.Text.Json;
using ChatAdvisor.Conversations;
using ChatAdvisor.Web.Bot.Protocol;

namespace ChatAdvisor.Web.Bot;

/// <summary>How an activity of any channel is kept in the transcript.</summary>
public static class TranscriptMapping
{
    /// <summary>
    /// The entry for an activity as it will be kept (links to uploaded files already removed by the channel). An
    /// inbound activity the bot is about to handle (<paramref name="awaitsTurn"/>) is stored as a pending turn.
    /// </summary>
    public static TranscriptActivity ToEntry(Activity activity, string conversationId, long sequence, string activityId, DateTimeOffset timestamp, bool awaitsTurn) => new()
    {
        ConversationId = conversationId,
        Sequence = sequence,
        ActivityId = activityId,
        Type = activity.Type ?? ActivityTypes.Message,
        FromRole = activity.From?.Role,
        Text = activity.Text,
        Timestamp = timestamp,
        Json = ActivityJson.Serialize(activity),
        AnswerMode = activity.Trace?.Mode,
        AnswerConfidence = activity.Trace?.Confidence,
        AnswerCitations = activity.Trace is { } trace ? JsonSerializer.Serialize(trace.Citations) : null,
        AnswerRef = activity.Trace?.Ref,
        TurnStatus = awaitsTurn ? TurnStatus.Pending : null,
        ReplyToId = activity.From?.Role == "bot" ? activity.ReplyToId : null,
    };

    /// <summary>The activity stored with an entry, as the channel will hand it to the bot again.</summary>
    public static Activity? ToActivity(TranscriptActivity entry)
    {
        try
        {
            return ActivityJson.Deserialize(entry.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
