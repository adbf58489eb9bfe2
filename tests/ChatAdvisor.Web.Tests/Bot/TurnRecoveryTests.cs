using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatAdvisor.Web.Tests.Connector;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace ChatAdvisor.Web.Tests.Bot;

/// <summary>
/// A turn the host acknowledged is answered once even when the host is killed (SIGKILL) before replying: the real
/// host process, on Direct Line and on /api/messages, in plain questions and in the middle of the CV dialog.
/// </summary>
public sealed class TurnRecoveryTests : IAsyncLifetime
{
    private const string Question = "What does an MLOps engineer do?";
    private readonly string _data = Directory.CreateTempSubdirectory("chatadvisor-recovery-").FullName;
    private readonly TaskCompletionSource _modelCalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackServer _model = null!;

    public async Task InitializeAsync() =>
        // A model that takes the request and never answers: the turn is acknowledged and still has no reply.
        _model = await LoopbackServer.StartAsync(app => app.Map("/{**path}", async (HttpContext context) =>
        {
            _modelCalled.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }));

    public async Task DisposeAsync()
    {
        await _model.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task DirectLineQuestionAcceptedBeforeTheHostWasKilledIsAnsweredOnceAfterTheRestart()
    {
        DirectLineClient before;
        string asked;
        await using (var first = await StartHostAsync(withHangingModel: true))
        {
            before = await DirectLineClient.StartAsync(first.CreateClient());
            await before.WaitForBotAsync(t => t.Contains("AI assistant", StringComparison.Ordinal));
            asked = await before.SayAsync(Question);
            await _modelCalled.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await first.KillAsync();
        }

        await using var second = await StartHostAsync(withHangingModel: false);
        var after = new DirectLineClient(second.CreateClient());
        after.ResumeWith(before);
        var reply = await after.WaitForReplyAsync(asked);
        Assert.Contains("[1]", DirectLineClient.Text(reply), StringComparison.Ordinal);
        // The next turn runs after the resumed one (one conversation's turns keep their order): once it is answered,
        // a second answer to the first question would have been sent already.
        await after.WaitForReplyAsync(await after.SayAsync("What skills does a machine learning engineer need?"));

        var all = await after.ReadFromStartAsync();
        Assert.Single(all, a => IsBotMessage(a) && a["replyToId"]?.GetValue<string>() == asked);
        await WaitUntilAsync(() => PendingTurns() == 0, second); // each turn is marked done just after its last reply
    }

    [Fact]
    public async Task MessagingEndpointQuestionAcceptedBeforeTheHostWasKilledIsAnsweredOnceEvenWhenRedelivered()
    {
        await using var sink = await ConnectorSink.StartAsync();
        var chat = new TeamsWireChat(sink.ServiceUrl);
        var message = chat.Message(Question);
        await using (var first = await StartHostAsync(withHangingModel: true))
        {
            using var http = first.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/api/messages", message)).StatusCode);
            await _modelCalled.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await first.KillAsync();
        }
        Assert.Empty(RepliesTo(sink, message));

        await using var second = await StartHostAsync(withHangingModel: false);
        using var client = second.CreateClient();
        // Bot Service delivers again what was not acknowledged in time; this one was acknowledged and stored.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/messages", message)).StatusCode);
        var next = chat.Message("What skills does a machine learning engineer need?");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/messages", next)).StatusCode);
        await WaitUntilAsync(() => RepliesTo(sink, next).Count > 0, second);

        var replies = RepliesTo(sink, message);
        Assert.Single(replies);
        Assert.Contains("[1]", replies[0]["text"]!.GetValue<string>(), StringComparison.Ordinal);
        await WaitUntilAsync(() => PendingTurns() == 0, second); // each turn is marked done just after its last reply
    }

    [Fact]
    public async Task CvDialogTurnCutOffBeforeItsReplyWasDeliveredContinuesAfterTheRestart()
    {
        await using var sink = await ConnectorSink.StartAsync();
        var chat = new TeamsWireChat(sink.ServiceUrl);
        var apply = chat.Message("I want to apply");
        await using (var first = await StartHostAsync(withHangingModel: false))
        {
            // The Connector takes the consent prompt and does not answer before the host dies.
            sink.Then(new SinkAnswer(StatusCodes.Status201Created, Until: SinkAnswer.Never));
            using var http = first.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/api/messages", apply)).StatusCode);
            await WaitUntilAsync(() => RepliesTo(sink, apply).Count > 0, first);
            await first.KillAsync();
        }

        await using var second = await StartHostAsync(withHangingModel: false);
        await WaitUntilAsync(() => StoredReplies(apply).Count > 0, second);
        using var client = second.CreateClient();
        var agree = chat.Message("I agree");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/messages", agree)).StatusCode);
        await WaitUntilAsync(() => RepliesTo(sink, agree).Count > 0, second);

        Assert.Contains("notice version", string.Join(" ", StoredReplies(apply)), StringComparison.Ordinal);
        Assert.Equal(StoredReplies(apply).Distinct().Count(), StoredReplies(apply).Count);
        Assert.Contains("talent pool", RepliesTo(sink, agree)[0]["text"]!.GetValue<string>(), StringComparison.Ordinal);
        await WaitUntilAsync(() => PendingTurns() == 0, second); // each turn is marked done just after its last reply
    }

    [Fact]
    public async Task DirectLineCvUploadCutOffWhileTheFileWasScannedIsTakenAfterTheRestart()
    {
        // A clamd that answers the health check's PING but never a scan: the upload turn waits in the scan when the
        // host dies.
        using var clamd = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        clamd.Start();
        var scanning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = new System.Collections.Concurrent.ConcurrentBag<System.Net.Sockets.TcpClient>();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                var connection = await clamd.AcceptTcpClientAsync();
                held.Add(connection);
                _ = Task.Run(async () =>
                {
                    var command = new byte[10];
                    var read = await connection.GetStream().ReadAtLeastAsync(command, 6, throwOnEndOfStream: false);
                    if (System.Text.Encoding.ASCII.GetString(command, 0, read).StartsWith("zPING", StringComparison.Ordinal))
                    {
                        await connection.GetStream().WriteAsync("PONG\0"u8.ToArray());
                        connection.Dispose();
                    }
                    else
                    {
                        scanning.TrySetResult();
                    }
                });
            }
        });
        DirectLineClient before;
        await using (var first = await StartHostAsync(withHangingModel: false, new()
        {
            ["Cvs__ClamAv__Enabled"] = "true",
            ["Cvs__ClamAv__Port"] = ((IPEndPoint)clamd.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cvs__ClamAv__Timeout"] = "00:05:00",
        }))
        {
            before = await DirectLineClient.StartAsync(first.CreateClient());
            await CvUpload.DirectLineApplication.RunToFileStepAsync(before);
            Assert.Equal(HttpStatusCode.OK, (await before.UploadAsync("my cv.pdf", "application/pdf", CvUpload.CvSamplesForChat.Pdf)).StatusCode);
            await scanning.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await first.KillAsync();
        }

        // Restarted with scanning off (the scanner was what hung): the resumed turn finds the upload and goes on.
        await using var second = await StartHostAsync(withHangingModel: false);
        var after = new DirectLineClient(second.CreateClient());
        after.ResumeWith(before);
        await after.WaitForBotAsync(t => t.Contains("Shall I send it?", StringComparison.Ordinal));
        var confirmed = DirectLineClient.Text(await after.SayAndWaitAsync("Confirm and send", "Reference:"));

        Assert.Contains("Reference:", confirmed, StringComparison.Ordinal);
        var all = await after.ReadFromStartAsync();
        Assert.Single(all, a => IsBotMessage(a) && DirectLineClient.Text(a).Contains("Shall I send it?", StringComparison.Ordinal));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_data, "data", "attachments"), "*", SearchOption.AllDirectories));
        await WaitUntilAsync(() => PendingTurns() == 0, second);
        foreach (var connection in held)
        {
            connection.Dispose();
        }
    }

    private Task<HostProcess> StartHostAsync(bool withHangingModel, Dictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Teams__AllowedTenants__0"] = BotServiceFixture.AllowedTenant,
            // The test stands in for Bot Service on loopback, without tokens.
            ["Bot__AllowAnonymousLocalRequests"] = "true",
            ["Embeddings__CachePath"] = ChatAdvisorApp.EmbeddingCache,
        };
        if (withHangingModel)
        {
            settings["Llm__Provider"] = "OpenAICompatible";
            settings["Llm__Endpoint"] = _model.BaseAddress + "/v1";
            settings["Llm__ApiKey"] = "not-a-real-key";
            settings["Llm__ChatModel"] = "test-model";
            settings["Llm__RequestTimeout"] = "00:10:00";
        }
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }
        return HostProcess.StartAsync(_data, settings);
    }

    /// <summary>Messages (not typing) the sink received in answer to <paramref name="inbound"/>.</summary>
    private static List<JsonObject> RepliesTo(ConnectorSink sink, JsonObject inbound) =>
        [.. sink.RepliesTo(inbound["id"]!.GetValue<string>()).Select(r => r.Json()).Where(a => a["type"]?.GetValue<string>() == "message")];

    private static bool IsBotMessage(JsonObject activity) =>
        activity["type"]?.GetValue<string>() == "message" && activity["from"]?["role"]?.GetValue<string>() == "bot";

    private List<string> StoredReplies(JsonObject inbound) =>
        Query("SELECT text FROM transcript_activities WHERE reply_to_id = $id AND type = 'message' ORDER BY sequence",
            r => r.GetString(0), ("$id", inbound["id"]!.GetValue<string>()));

    private int PendingTurns() =>
        Query("SELECT COUNT(*) FROM transcript_activities WHERE turn_status = 'pending'", r => r.GetInt32(0)).Single();

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "chatadvisor.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }
        return rows;
    }

    private static Task WaitUntilAsync(Func<bool> condition, HostProcess host) =>
        Eventually.HoldsAsync(condition, () => $"Nothing arrived within 60 s.\n{host.Output}", TimeSpan.FromSeconds(60));
}
