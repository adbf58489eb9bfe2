using System.Net.WebSockets;
using System.Text;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatAdvisor.Web.Tests.Infrastructure;

namespace ChatAdvisor.Web.Tests.DirectLine;

public sealed class DirectLineStreamTests(ChatAdvisorAppFixture fixture) : IClassFixture<ChatAdvisorAppFixture>
{
    [Fact]
    public async Task StreamReplaysTheWelcomeThenPushesEchoAndReplyAsActivitySets()
    {
        var http = fixture.App.CreateClient();
        var client = await DirectLineClient.StartAsync(http);
        using var socket = await fixture.App.Server.CreateWebSocketClient().ConnectAsync(new Uri(client.StreamUrl), CancellationToken.None);

        var welcome = await ReceiveUntilAsync(socket, a => a["from"]?["role"]?.GetValue<string>() == "bot");
        Assert.Contains("AI assistant", DirectLineClient.Text(welcome.Activity), StringComparison.Ordinal);

        var id = await client.SayAsync("How much do MLOps engineers earn?", "stream-1");
        var echo = await ReceiveUntilAsync(socket, a => a["id"]?.GetValue<string>() == id);
        Assert.Equal("stream-1", echo.Activity["channelData"]!["clientActivityID"]!.GetValue<string>());
        var reply = await ReceiveUntilAsync(socket, a => a["replyToId"]?.GetValue<string>() == id);
        Assert.Contains("€", DirectLineClient.Text(reply.Activity), StringComparison.Ordinal);
        Assert.True(long.Parse(reply.Watermark, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(echo.Watermark, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ReconnectGivesAFreshTokenAndAStreamThatResumesAfterTheWatermark()
    {
        var http = fixture.App.CreateClient();
        var client = await DirectLineClient.StartAsync(http);
        await client.AskAsync("What does an MLOps engineer do?");
        var watermark = client.Watermark;
        var later = await client.SayAsync("What skills does an MLOps engineer need?");

        using var reconnect = client.Request(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}?watermark={watermark}");
        var body = (await (await http.SendAsync(reconnect)).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False(string.IsNullOrEmpty(body["token"]?.GetValue<string>()));
        var streamUrl = body["streamUrl"]!.GetValue<string>();
        Assert.Contains($"watermark={watermark}", streamUrl, StringComparison.Ordinal);

        using var socket = await fixture.App.Server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        var first = await ReceiveUntilAsync(socket, _ => true);
        Assert.Equal(later, first.Activity["id"]!.GetValue<string>());
    }

    private static async Task<(JsonObject Activity, string Watermark)> ReceiveUntilAsync(WebSocket socket, Func<JsonObject, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var text = new StringBuilder();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            }
            while (!result.EndOfMessage);
            if (text.Length == 0)
            {
                continue;
            }
            var set = JsonNode.Parse(text.ToString())!.AsObject();
            foreach (var activity in set["activities"]!.AsArray().Select(a => a!.AsObject()))
            {
                if (match(activity))
                {
                    return (activity, set["watermark"]!.GetValue<string>());
                }
            }
        }
    }
}
