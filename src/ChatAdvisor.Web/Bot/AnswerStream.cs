using System.Text.Json.Nodes;
using ChatAdvisor.Web.Bot.Protocol;

namespace ChatAdvisor.Web.Bot;

/// <summary>
/// Streams a generated answer as it grows: <c>typing</c> activities with the text so far, tied together by the id of
/// the first one, then the final message with the citations and the AI label. Each chunk carries the
/// <c>streaminfo</c> entity (Teams) and the same fields in <c>channelData</c> (Web Chat), so one shape serves both.
/// A channel says whether it can show one and how fast it may be updated (<see cref="TurnChannel.StreamInterval"/>):
/// Teams allows streams in personal chats only and throttles fast ones.
/// </summary>
internal sealed class AnswerStream(TurnContext turn, TimeProvider time)
{
    private string? _streamId;
    private int _sequence;
    private long _lastSent;

    /// <summary>Whether this turn's channel can show a streamed answer.</summary>
    public static bool IsSupported(TurnContext turn) =>
        turn.Channel.StreamInterval is not null;

    public async Task UpdateAsync(string textSoFar, CancellationToken cancellationToken)
    {
        if (textSoFar.Trim().Length == 0
            || (_streamId is not null && time.GetElapsedTime(_lastSent) < turn.Channel.StreamInterval))
        {
            return;
        }
        _sequence++;
        var chunk = turn.CreateReply(textSoFar.TrimEnd()) with
        {
            Type = ActivityTypes.Typing,
            InputHint = null,
            Entities = [Info("streaming", _sequence)],
            ChannelData = Info("streaming", _sequence),
        };
        var id = await turn.SendAsync(chunk, cancellationToken);
        _streamId ??= id;
        _lastSent = time.GetTimestamp();
    }

    /// <summary>The final message, marked as closing the stream when one was started.</summary>
    public Activity Finish(Activity final)
    {
        if (_streamId is null)
        {
            return final;
        }
        var channelData = final.ChannelData as JsonObject ?? [];
        foreach (var (key, value) in Info("final", null))
        {
            channelData[key] = value?.DeepClone();
        }
        return final with { Entities = [.. final.Entities ?? [], Info("final", null)], ChannelData = channelData };
    }

    private JsonObject Info(string type, int? sequence)
    {
        var info = new JsonObject { ["type"] = "streaminfo", ["streamType"] = type };
        if (_streamId is not null)
        {
            info["streamId"] = _streamId;
        }
        if (sequence is { } n)
        {
            info["streamSequence"] = n;
        }
        return info;
    }
}
