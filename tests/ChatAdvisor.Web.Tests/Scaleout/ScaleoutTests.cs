using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatAdvisor.Web.Tests.Connector;
using ChatAdvisor.Web.Tests.CvUpload;
using ChatAdvisor.Web.Tests.Infrastructure;
using ChatAdvisor.Web.Tests.Portal;
using Xunit.Abstractions;

namespace ChatAdvisor.Web.Tests.Scaleout;

/// <summary>
/// Several instances serving every conversation: two real hosts on one PostgreSQL, Redis and blob container, behind
/// nginx, used the way visitors, Teams and recruiters meet them.
/// </summary>
public sealed class ScaleoutTests(ScaleoutCluster cluster, ITestOutputHelper output) : IClassFixture<ScaleoutCluster>
{
    [ScaleoutFact]
    public async Task AWebChatClientWhosePostsAlternateBetweenInstancesGetsEveryReplyOnceAndInOrder()
    {
        string[] questions =
        [
            "What does an MLOps engineer do?",
            "What skills does a machine learning engineer need?",
            "How is MLOps different from DevOps?",
            "What does a machine learning engineer earn in Europe?",
            "Which industries hire MLOps engineers?",
            "What qualifications does an ML engineer need?",
        ];
        var start = new ProcessStartInfo("node") { WorkingDirectory = ChatAdvisorApp.RepositoryRoot };
        foreach (var argument in (string[])[Path.Combine(ChatAdvisorApp.RepositoryRoot, "tests", "clients", "scaleout-client.mjs"), cluster.Proxy.BaseAddress, .. questions])
        {
            start.ArgumentList.Add(argument);
        }
        var run = await ExternalProcess.RunAsync(start, TimeSpan.FromMinutes(4), "install Node.js 20 or later.");
        output.WriteLine(run.Stderr);
        var summary = JsonNode.Parse(run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1])!.AsObject();
        Assert.True(run.ExitCode == 0, $"The client failed: {summary["error"]}\n{cluster.Output}");

        var conversation = summary["conversationId"]!.GetValue<string>();
        var requests = await cluster.Proxy.RequestsAsync();
        var stream = Assert.Single(requests, r => r.Path.EndsWith($"{conversation}/stream", StringComparison.Ordinal));
        var posts = requests.Where(r => r.Method == "POST" && r.Path.EndsWith($"{conversation}/activities", StringComparison.Ordinal)).ToList();
        Assert.Equal(questions.Length, posts.Count);
        // Round robin: half the questions were answered by the instance that does not hold the WebSocket, so their
        // echoes and replies reached the client only through Redis.
        Assert.InRange(posts.Count(p => p.Upstream != stream.Upstream), 2, questions.Length - 2);

        var activities = summary["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
        var ids = activities.Select(a => a["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        var posted = summary["posted"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        var previous = -1;
        foreach (var id in posted)
        {
            var echo = ids.IndexOf(id);
            var replies = activities.Select((a, i) => (a, i)).Where(x => x.a["type"]!.GetValue<string>() == "message" && x.a["replyToId"]?.GetValue<string>() == id).ToList();
            var reply = Assert.Single(replies);
            Assert.Equal("bot", reply.a["role"]!.GetValue<string>());
            Assert.Matches(@"\[1\]", reply.a["text"]!.GetValue<string>());
            Assert.True(previous < echo && echo < reply.i, $"Out of order around {id}: {string.Join(", ", ids)}");
            previous = reply.i;
        }
    }

    [ScaleoutFact]
    public async Task AVisitorFinishesTheCvDialogOnTheOtherInstanceWhenTheOneThatTookTheCvIsKilled()
    {
        using var http = new HttpClient { BaseAddress = new Uri(cluster.Proxy.BaseAddress), Timeout = TimeSpan.FromSeconds(60) };
        var visitor = await DirectLineClient.StartAsync(http);
        await DirectLineApplication.RunToFileStepAsync(visitor);
        await DirectLineApplication.UploadCvAsync(visitor);
        var upload = Assert.Single(await cluster.Proxy.RequestsAsync(), r => r.Path.EndsWith($"{visitor.ConversationId}/upload", StringComparison.Ordinal));
        var took = cluster.IndexOf(upload.Upstream);
        var survivor = 1 - took;
        try
        {
            await cluster.Hosts[took].KillAsync();

            // The proxy finds the killed instance gone and sends everything to the other one.
            var confirmation = CvConfirmation.Parse(DirectLineClient.Text(await visitor.SayAndWaitAsync("Confirm and send", "Reference:")));

            var transcript = await visitor.ReadFromStartAsync();
            var asked = transcript.Where(a => a["type"]?.GetValue<string>() == "message" && a["from"]?["role"]?.GetValue<string>() == "user").ToList();
            Assert.True(asked.Count >= 10, $"Only {asked.Count} visitor messages are in the transcript.");
            Assert.All(asked, a => Assert.Contains(transcript, r => r["replyToId"]?.GetValue<string>() == a["id"]!.GetValue<string>()));

            // A recruiter signed in on the surviving instance downloads the CV that the killed one received.
            var account = await CreateRecruiterAsync(survivor);
            using var recruiter = new PortalSession(new Uri(cluster.Hosts[survivor].BaseAddress), TimeProvider.System);
            await recruiter.EnrolAsync(account);
            var (review, html) = await recruiter.GetAsync($"/portal/conversations/{Uri.EscapeDataString(visitor.ConversationId)}");
            Assert.True(review.StatusCode == HttpStatusCode.OK, $"The transcript page answered {(int)review.StatusCode}.\n{cluster.Output}");
            Assert.Contains("Grace Hopper", html, StringComparison.Ordinal);
            using var download = await recruiter.Http.GetAsync($"/portal/cv/{confirmation.Reference}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(CvSamplesForChat.Pdf, await download.Content.ReadAsByteArrayAsync());
        }
        finally
        {
            await cluster.RestartAsync(took);
        }
    }

    [ScaleoutFact]
    public async Task ATeamsRedeliveryThatLandsOnTheOtherInstanceIsAnsweredOnce()
    {
        await using var sink = await ConnectorSink.StartAsync();
        var chat = new TeamsWireChat(sink.ServiceUrl);
        using var first = cluster.Hosts[0].CreateClient();
        using var second = cluster.Hosts[1].CreateClient();

        // Delivered to one instance, answered, then delivered again to the other (Bot Service retries where it likes).
        var question = chat.Message("What does an MLOps engineer do?");
        Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync("/api/messages", question)).StatusCode);
        await sink.WaitForRepliesToAsync(Id(question));
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsJsonAsync("/api/messages", question)).StatusCode);

        // Delivered to both at once.
        var again = chat.Message("What skills does a machine learning engineer need?");
        var both = await Task.WhenAll(first.PostAsJsonAsync("/api/messages", again), second.PostAsJsonAsync("/api/messages", again));
        Assert.All(both, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        // Once a later turn of the conversation is answered, a second answer to either would have been sent.
        var last = chat.Message("How is MLOps different from DevOps?");
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsJsonAsync("/api/messages", last)).StatusCode);
        await sink.WaitForRepliesToAsync(Id(last));
        await sink.WaitForRepliesToAsync(Id(again));
        Assert.Single(Messages(sink, question));
        Assert.Single(Messages(sink, again));
    }

    [ScaleoutFact]
    public async Task AVisitorsRateLimitCountsPostsOnEveryInstance()
    {
        using var first = cluster.Hosts[0].CreateClient();
        using var second = cluster.Hosts[1].CreateClient();
        var visitor = await DirectLineClient.StartAsync(first);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < ScaleoutCluster.RateLimitPerConversation + 5; i++)
        {
            using var request = visitor.Request(HttpMethod.Post, $"/v3/directline/conversations/{visitor.ConversationId}/activities",
                new JsonObject { ["type"] = "message", ["from"] = new JsonObject { ["id"] = "v" }, ["text"] = $"hello {i}" });
            using var response = await (i % 2 == 0 ? first : second).SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        // Counted per instance, each would have taken all of them.
        Assert.Equal(ScaleoutCluster.RateLimitPerConversation, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.All(statuses.Skip(ScaleoutCluster.RateLimitPerConversation), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [ScaleoutFact]
    public async Task ARecruiterSignedInOnOneInstanceIsSignedInOnTheOther()
    {
        // Cookies and antiforgery tokens are sealed with the Data Protection keys, which the instances share through
        // the database: what one issued, the other reads.
        var account = await CreateRecruiterAsync(0);
        using var recruiter = new PortalSession(new Uri(cluster.Hosts[0].BaseAddress), TimeProvider.System);
        await recruiter.EnrolAsync(account);
        var other = cluster.Hosts[1].BaseAddress;
        using var elsewhere = await recruiter.Http.GetAsync($"{other}/portal");
        Assert.True(elsewhere.StatusCode == HttpStatusCode.OK, $"The other instance answered {(int)elsewhere.StatusCode} {elsewhere.Headers.Location}.");
        Assert.Contains(account.Email, await elsewhere.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A form from one instance posted to the other: signing out there ends the session here too.
        var (signedOut, _) = await recruiter.PostFormAsync("/portal", $"{other}/portal/logout", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var (after, _) = await recruiter.GetAsync("/portal");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/portal/login", after.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [ScaleoutFact]
    public async Task EveryInstanceReportsRedisInItsHealth()
    {
        foreach (var host in cluster.Hosts)
        {
            using var http = host.CreateClient();
            var health = await http.GetFromJsonAsync<JsonObject>("/health");
            Assert.Equal("Healthy", health!["status"]!.GetValue<string>());
            Assert.Contains("redis", health.ToJsonString(), StringComparison.Ordinal);
        }
    }

    private async Task<PortalAccount> CreateRecruiterAsync(int host)
    {
        var email = $"recruiter-{Guid.NewGuid():N}@example.com";
        var created = await HostProcess.RunCommandAsync(Path.GetTempPath(), cluster.Settings, "add-recruiter", "--email", email);
        Assert.True(created.ExitCode == 0, $"add-recruiter: {created}");
        return new PortalAccount(email, PortalAccount.PasswordLine().Match(created.Stdout).Groups[1].Value, "");
    }

    private static string Id(JsonObject activity) => activity["id"]!.GetValue<string>();

    private static List<JsonObject> Messages(ConnectorSink sink, JsonObject inbound) =>
        [.. sink.RepliesTo(Id(inbound)).Select(r => r.Json()).Where(a => a["type"]?.GetValue<string>() == "message")];
}
