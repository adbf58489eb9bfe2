using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChatAdvisor.Web.Tests.Connector;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.Hosting;

public sealed class ObservabilityTests
{
    private const string Question = "How much does a machine learning engineer earn in Europe?";

    [Fact]
    public async Task ATurnIsTracedFromReceiveThroughRetrieveAndAnswerToSendWithoutTheVisitorsWords()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "ChatAdvisor" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        // Spans are collected only when they can go somewhere: here a collector that accepts everything.
        await using var collector = await LoopbackServer.StartAsync(app => app.MapPost("/v1/traces", () => Results.Ok()));
        await using var app = new ChatAdvisorApp(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseAddress,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        var client = await DirectLineClient.StartAsync(app.CreateClient());
        await client.AskAsync(Question);
        // The reply can reach the client before the turn's spans stop; a finished turn has stopped all of them.
        await app.TurnsFinishedAsync();

        // The listener hears every test running in this process: keep the spans of this conversation's request.
        var posted = spans.Where(s => s.GetTagItem("url.path") is string path && path.Contains(client.ConversationId, StringComparison.Ordinal)).Select(s => s.TraceId).ToHashSet();
        var mine = spans.Where(s => posted.Contains(s.TraceId)).ToList();
        var answer = Assert.Single(mine, s => s.OperationName == "answer" && (string?)s.GetTagItem("chatadvisor.answer.kind") == "answered");
        var turn = Assert.Single(mine, s => s.SpanId == answer.ParentSpanId);
        Assert.Equal("turn", turn.OperationName);
        Assert.Equal("directline", turn.GetTagItem("chatadvisor.channel"));
        Assert.Equal("ok", turn.GetTagItem("chatadvisor.turn.outcome"));
        Assert.Equal("extractive", answer.GetTagItem("chatadvisor.answer.mode"));
        Assert.Contains(spans, s => s.OperationName == "retrieve" && s.ParentSpanId == answer.SpanId);
        Assert.Contains(spans, s => s.OperationName == "send" && s.ParentSpanId == turn.SpanId);
        // The turn continues the trace of the request that posted the message.
        var receive = Assert.Single(mine, s => s.SpanId == turn.ParentSpanId);
        Assert.Equal("POST", receive.GetTagItem("http.request.method"));
        var words = Question.Split(' ').Where(w => w.Length > 6).ToList();
        Assert.DoesNotContain(spans.Where(s => s.Source.Name == "ChatAdvisor").SelectMany(s => s.TagObjects),
            tag => tag.Value is string value && words.Any(w => value.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task WithNowhereToExportNoTelemetrySdkRunsOnEveryRequest()
    {
        await using var app = new ChatAdvisorApp();

        Assert.Null(app.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        Assert.Null(app.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
        var client = await DirectLineClient.StartAsync(app.CreateClient());
        Assert.Contains("€", (string?)(await client.AskAsync(Question))["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TracesAreExportedOverOtlpWhenAnEndpointIsConfigured()
    {
        var exported = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var collector = await LoopbackServer.StartAsync(app => app.MapPost("/v1/traces", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            if (Encoding.UTF8.GetString(body.ToArray()).Contains("chatadvisor.turn.outcome", StringComparison.Ordinal))
            {
                exported.TrySetResult(body.ToArray());
            }
            return Results.Ok();
        }));
        await using var app = new ChatAdvisorApp(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseAddress,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        });
        var client = await DirectLineClient.StartAsync(app.CreateClient());
        await client.AskAsync(Question);

        await Eventually.HoldsAsync(() => exported.Task.IsCompleted,
            () => $"No trace export with a turn arrived; the collector saw: {string.Join(", ", collector.Requests.Select(r => $"{r.Method} {r.PathAndQuery} ({r.Body.Length} chars)"))}");
        var body = Encoding.UTF8.GetString(await exported.Task);
        Assert.Contains("ChatAdvisor", body, StringComparison.Ordinal);
        Assert.DoesNotContain("machine learning engineer earn", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TracesGoToAzureMonitorWhenAConnectionStringIsSetAndTheHostStaysHealthy()
    {
        // A stand-in for the Application Insights ingestion endpoint, named by the connection string.
        await using var ingestion = await LoopbackServer.StartAsync(app => app.MapPost("/v2.1/track",
            () => Results.Json(new { itemsReceived = 1, itemsAccepted = 1, errors = Array.Empty<object>() })));
        await using var app = new ChatAdvisorApp(new Dictionary<string, string?>
        {
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] =
                $"InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint={ingestion.BaseAddress}/",
        });
        var http = app.CreateClient();
        var client = await DirectLineClient.StartAsync(http);
        await client.AskAsync(Question);

        var health = await http.GetAsync("/health");
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        // The exporter sends its batch within about five seconds of the spans ending.
        await Eventually.HoldsAsync(() => ingestion.RequestsTo("/v2.1/track").Count > 0,
            () => $"Nothing reached the ingestion endpoint; it saw: {string.Join(", ", ingestion.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"))}");
    }

    [Fact]
    public async Task HealthReportsTheDatabaseTheKnowledgeAndAClamdThatDoesNotAnswer()
    {
        var port = LoopbackPort.Free();
        await using var app = new ChatAdvisorApp(new Dictionary<string, string?>
        {
            ["Cvs:ClamAv:Enabled"] = "true",
            ["Cvs:ClamAv:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var response = await app.CreateClient().GetAsync("/health");
        var health = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var checks = health["checks"]!.AsArray().ToDictionary(c => c!["name"]!.GetValue<string>(), c => c!["status"]!.GetValue<string>());

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", health["status"]!.GetValue<string>());
        Assert.Equal("Healthy", checks["database"]);
        Assert.Equal("Healthy", checks["knowledge"]);
        Assert.Equal("Degraded", checks["clamd"]);
    }
}
