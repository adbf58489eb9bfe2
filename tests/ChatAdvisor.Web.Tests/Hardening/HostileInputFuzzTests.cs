using ChatAdvisor.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ChatAdvisor.Web.Tests.Hardening;

/// <summary>
/// Seeded hostile traffic against every public route: each request must end in a 2xx or 4xx, never a 5xx, and
/// afterwards the host must still answer a normal question with its memory back near where it started.
/// </summary>
public sealed class HostileInputFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 11;
    private const int RoundsPerRoute = 500;

    private readonly ChatAdvisorApp _app = new(new Dictionary<string, string?>
    {
        // The rate limits are tested elsewhere; here they would only turn the fuzz into 429s.
        ["Limits:PostsPerAddressPerMinute"] = "100000",
        ["Limits:ActivitiesPerConversationPerMinute"] = "10000",
        ["Limits:MaxAttachmentsPerConversation"] = "1000",
    });

    [Fact]
    public async Task NoHostileRequestGetsAServerErrorAndTheHostStillAnswers()
    {
        using var http = _app.CreateClient();
        // The attacker's own conversation takes the fuzz (its token is refreshed, and so retired, along the way);
        // an ordinary visitor's conversation must be unharmed by it.
        var attacker = await DirectLineClient.StartAsync(http);
        var visitor = await DirectLineClient.StartAsync(http);
        await visitor.AskAsync("What does an MLOps engineer do?");
        var fuzz = new HostileRequests(new Random(Seed), attacker);
        var before = GC.GetTotalMemory(forceFullCollection: true);

        var failures = new List<string>();
        var sent = 0;
        foreach (var make in fuzz.Routes)
        {
            for (var i = 0; i < RoundsPerRoute; i++)
            {
                using var request = make();
                var description = $"{request.Method} {request.RequestUri}";
                using var response = await http.SendAsync(request);
                sent++;
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{(int)response.StatusCode} {description}: {Truncate(await response.Content.ReadAsStringAsync())}");
                }
            }
        }

        var reply = await visitor.AskAsync("What does a clinical data manager do?");
        var after = GC.GetTotalMemory(forceFullCollection: true);
        output.WriteLine($"{sent} requests, {failures.Count} server errors, managed memory {before / 1048576} MB -> {after / 1048576} MB");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
        Assert.NotEmpty(DirectLineClient.Text(reply));
        Assert.InRange(after - before, long.MinValue, 150L * 1024 * 1024);
    }

    public void Dispose() => _app.Dispose();

    private static string Truncate(string text) => text.Length > 300 ? text[..300] : text;
}
