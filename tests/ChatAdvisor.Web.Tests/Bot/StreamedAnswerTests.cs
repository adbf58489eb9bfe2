using System.Text.Json.Nodes;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.Bot;

/// <summary>
/// With a chat model configured, a generated answer reaches Web Chat as it grows, over Direct Line: typing activities
/// with the text so far and the streaming fields, then the final message that closes the stream.
/// </summary>
public sealed class StreamedAnswerTests
{
    private const string Question = "What does an entry-level MLOps engineer earn?";

    [Fact]
    public async Task AGroundedAnswerIsStreamedSentenceBySentenceAndClosedByTheCitedMessage()
    {
        const string Reply = "Entry-level MLOps roles typically start at around €50,000 a year [1]. At mid-level the range is €70,000 to €90,000 [1].";
        using var app = App(new ScriptedChatClient(Reply));
        var client = await DirectLineClient.StartAsync(app.CreateClient());

        var asked = await client.SayAsync(Question);
        var first = await client.WaitForAsync(a => IsBot(a, asked) && Type(a) == "typing");
        var final = await client.WaitForAsync(a => IsBot(a, asked) && Type(a) == "message");

        var chunks = client.Seen.Where(a => IsBot(a, asked) && Type(a) == "typing").ToList();
        Assert.Equal(2, chunks.Count);
        Assert.Equal("Entry-level MLOps roles typically start at around €50,000 a year [1].", DirectLineClient.Text(chunks[0]));
        Assert.Equal("streaming", chunks[0]["channelData"]!["streamType"]!.GetValue<string>());
        Assert.Equal(1, chunks[0]["channelData"]!["streamSequence"]!.GetValue<int>());
        var streamId = first["id"]!.GetValue<string>();
        Assert.Equal(streamId, chunks[1]["channelData"]!["streamId"]!.GetValue<string>());
        Assert.Equal(2, chunks[1]["channelData"]!["streamSequence"]!.GetValue<int>());
        Assert.Equal("final", final["channelData"]!["streamType"]!.GetValue<string>());
        Assert.Equal(streamId, final["channelData"]!["streamId"]!.GetValue<string>());
        Assert.StartsWith(Reply, DirectLineClient.Text(final), StringComparison.Ordinal);
        Assert.Contains("[1]: cite:1", DirectLineClient.Text(final), StringComparison.Ordinal);
        Assert.Contains(final["entities"]!.AsArray(), e => e!["type"]?.GetValue<string>() == "streaminfo");
    }

    [Fact]
    public async Task AStreamThatStatesAFigureTheGuideLacksStopsAndTheQuotedAnswerReplacesIt()
    {
        using var app = App(new ScriptedChatClient("Entry-level roles start at around €50,000 [1]. Seniors earn €400,000 [1]."));
        var client = await DirectLineClient.StartAsync(app.CreateClient());

        var asked = await client.SayAsync(Question);
        var final = await client.WaitForAsync(a => IsBot(a, asked) && Type(a) == "message");

        Assert.DoesNotContain(client.Seen, a => DirectLineClient.Text(a).Contains("400,000", StringComparison.Ordinal));
        Assert.Equal("final", final["channelData"]!["streamType"]!.GetValue<string>());
        Assert.Contains("€50,000", DirectLineClient.Text(final), StringComparison.Ordinal);
        Assert.DoesNotContain("Entry-level roles start at around", DirectLineClient.Text(final), StringComparison.Ordinal);
    }

    private static ChatAdvisorApp App(IChatClient chat) => new(services: s => s.AddSingleton(chat));

    private static bool IsBot(JsonObject activity, string replyTo) =>
        activity["replyToId"]?.GetValue<string>() == replyTo && activity["from"]?["role"]?.GetValue<string>() == "bot";

    private static string? Type(JsonObject activity) => activity["type"]?.GetValue<string>();
}
