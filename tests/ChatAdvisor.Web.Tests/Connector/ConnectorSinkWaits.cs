using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ChatAdvisor.Web.Tests.Connector;

/// <summary>
/// Waiting for what the bot sends to a <see cref="ConnectorSink"/> from its background turns: poll with a deadline
/// for what must arrive, and a short quiet window for what must not.
/// </summary>
public static class ConnectorSinkWaits
{
    /// <summary>How long an expected request may take (the first answer of a host also builds its indexes).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long to watch for a request that must not come.</summary>
    public static readonly TimeSpan QuietWindow = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>POSTs of activities (replies and sends), optionally only those <paramref name="where"/> accepts.</summary>
    public static IReadOnlyList<RecordedRequest> Posts(this ConnectorSink sink, Func<RecordedRequest, bool>? where = null) =>
        [.. sink.Server.Requests.Where(r => r.Method == "POST" && (where is null || where(r)))];

    /// <summary>Replies that answer the inbound activity <paramref name="activityId"/> (by the body's <c>replyToId</c>).</summary>
    public static IReadOnlyList<RecordedRequest> RepliesTo(this ConnectorSink sink, string activityId) =>
        sink.Posts(r => r.Json()["replyToId"]?.GetValue<string>() == activityId);

    /// <summary>Waits until at least <paramref name="count"/> POSTs matching <paramref name="where"/> arrived; fails after the timeout.</summary>
    public static async Task<IReadOnlyList<RecordedRequest>> WaitForPostsAsync(this ConnectorSink sink, int count,
        Func<RecordedRequest, bool>? where = null, TimeSpan? timeout = null)
    {
        IReadOnlyList<RecordedRequest> posts = [];
        await EventuallyAsync(() => Task.FromResult((posts = sink.Posts(where)).Count >= count), timeout,
            () => $"Expected {count} POST(s) at the connector, got {posts.Count}: {string.Join(" | ", posts.Select(Describe))}");
        return posts;
    }

    /// <summary>Waits for <paramref name="count"/> replies to <paramref name="activityId"/>.</summary>
    public static Task<IReadOnlyList<RecordedRequest>> WaitForRepliesToAsync(this ConnectorSink sink, string activityId, int count = 1, TimeSpan? timeout = null) =>
        sink.WaitForPostsAsync(count, r => r.Json()["replyToId"]?.GetValue<string>() == activityId, timeout);

    /// <summary>Watches the sink for <see cref="QuietWindow"/> (or <paramref name="window"/>) and asserts it still holds exactly <paramref name="count"/> POSTs.</summary>
    public static async Task AssertPostCountStaysAsync(this ConnectorSink sink, int count, TimeSpan? window = null)
    {
        await Task.Delay(window ?? QuietWindow);
        var posts = sink.Posts();
        Assert.True(posts.Count == count, $"Expected {count} POST(s) at the connector, got {posts.Count}: {string.Join(" | ", posts.Select(Describe))}");
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="describe"/> after the timeout.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, Func<string>? describe = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > (timeout ?? DefaultTimeout))
            {
                Assert.Fail(describe?.Invoke() ?? $"The condition did not hold within {timeout ?? DefaultTimeout}.");
            }
            await Task.Delay(s_pollInterval);
        }
    }

    /// <summary>The request body as JSON (an empty object when there is none).</summary>
    public static JsonObject Json(this RecordedRequest request) =>
        request.Body.Length == 0 ? [] : JsonNode.Parse(request.Body)?.AsObject() ?? [];

    /// <summary>The <c>text</c> of a posted activity, "" when it has none.</summary>
    public static string Text(this RecordedRequest request) => request.Json()["text"]?.GetValue<string>() ?? "";

    private static string Describe(RecordedRequest request)
    {
        var text = request.Text();
        return $"{request.Method} {request.PathAndQuery} \"{(text.Length > 80 ? text[..80] + "…" : text)}\"";
    }
}
