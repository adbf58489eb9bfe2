using System.Text.Json.Nodes;
using ChatAdvisor.Web.Tests.Infrastructure;

namespace ChatAdvisor.Web.Tests.Connector;

/// <summary>
/// Reading what the bot sent to a <see cref="ConnectorSink"/> from its background turns: wait for what must arrive,
/// and count once the host's turns have finished for what must not.
/// </summary>
public static class ConnectorSinkWaits
{
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
        await Eventually.HoldsAsync(() => (posts = sink.Posts(where)).Count >= count,
            () => $"Expected {count} POST(s) at the connector, got {posts.Count}: {string.Join(" | ", posts.Select(Describe))}", timeout);
        return posts;
    }

    /// <summary>Waits for <paramref name="count"/> replies to <paramref name="activityId"/>.</summary>
    public static Task<IReadOnlyList<RecordedRequest>> WaitForRepliesToAsync(this ConnectorSink sink, string activityId, int count = 1, TimeSpan? timeout = null) =>
        sink.WaitForPostsAsync(count, r => r.Json()["replyToId"]?.GetValue<string>() == activityId, timeout);

    /// <summary>
    /// Asserts that the sink holds exactly <paramref name="count"/> POSTs once every turn of <paramref name="host"/>
    /// has finished. Whatever the bot sends, it sends from a turn or before the request is answered, so nothing more
    /// can arrive after that: no quiet window is needed to prove that something was not sent.
    /// </summary>
    public static async Task AssertPostCountWhenIdleAsync(this ConnectorSink sink, ChatAdvisorApp host, int count)
    {
        await host.TurnsFinishedAsync();
        var posts = sink.Posts();
        Assert.True(posts.Count == count, $"Expected {count} POST(s) at the connector, got {posts.Count}: {string.Join(" | ", posts.Select(Describe))}");
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
