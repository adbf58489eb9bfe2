using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatAdvisor.Web.Hosting;

namespace ChatAdvisor.Web.Bot.Protocol;

/// <summary>
/// Reads an activity from a request body within the size limit and checks the shapes the bot relies on, so that
/// hostile JSON (nulls in lists, a string where an object belongs, megabytes of text) is refused at the door
/// instead of failing somewhere inside a turn.
/// </summary>
public static class ActivityInput
{
    /// <summary>The activity, or why it is refused and with which status; <paramref name="defaultType"/> fills a missing type.</summary>
    public static async Task<(Activity? Activity, string? Problem, int Status)> ReadAsync(Stream body, long? contentLength, InputLimitsOptions limits,
        CancellationToken cancellationToken, string? defaultType = null)
    {
        if (contentLength > limits.MaxActivityBytes)
        {
            return (null, $"An activity may be at most {limits.MaxActivityBytes / 1024} KB.", StatusCodes.Status413PayloadTooLarge);
        }
        // A pooled buffer sized from Content-Length when the client sent one: the body is read on every turn.
        var buffer = ArrayPool<byte>.Shared.Rent(contentLength is > 0 and var known ? (int)known + 1 : 4096);
        Activity? activity;
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limits.MaxActivityBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }
                length += read;
                if (length > limits.MaxActivityBytes)
                {
                    // Nothing more is read.
                    return (null, $"An activity may be at most {limits.MaxActivityBytes / 1024} KB.", StatusCodes.Status413PayloadTooLarge);
                }
            }
            activity = JsonSerializer.Deserialize(buffer.AsSpan(0, length), ActivityJson.Default.Activity);
        }
        catch (JsonException ex)
        {
            return (null, $"The activity is not valid JSON: {ex.Message}", StatusCodes.Status400BadRequest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        if (activity is null)
        {
            return (null, "An activity object is required.", StatusCodes.Status400BadRequest);
        }
        if (string.IsNullOrWhiteSpace(activity.Type) && defaultType is not null)
        {
            activity = activity with { Type = defaultType };
        }
        var problem = Check(activity, limits);
        return problem is null ? (activity, null, 0) : (null, problem, StatusCodes.Status400BadRequest);
    }

    /// <summary>The first rule the activity breaks, or null when it may go on.</summary>
    public static string? Check(Activity activity, InputLimitsOptions limits)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "An activity with a 'type' is required.";
        }
        if (activity.Text?.Length > limits.MaxTextLength)
        {
            return $"The message is longer than {limits.MaxTextLength} characters; please shorten it.";
        }
        if (activity.Attachments is { } attachments && attachments.Any(a => a is null))
        {
            return "'attachments' may not contain null.";
        }
        if (activity.Attachments?.Count > limits.MaxAttachmentsPerActivity)
        {
            return $"An activity may carry at most {limits.MaxAttachmentsPerActivity} attachments.";
        }
        if (activity.Entities is { } entities && entities.Any(e => e is null))
        {
            return "'entities' may not contain null.";
        }
        if ((activity.MembersAdded?.Any(m => m is null) ?? false) || (activity.MembersRemoved?.Any(m => m is null) ?? false))
        {
            return "'membersAdded' and 'membersRemoved' may not contain null.";
        }
        if (activity.ChannelData is not (null or JsonObject))
        {
            return "'channelData' must be an object.";
        }
        if (activity.Type == ActivityTypes.Invoke && activity.Value is not (null or JsonObject))
        {
            return "The 'value' of an invoke must be an object.";
        }
        return null;
    }
}
