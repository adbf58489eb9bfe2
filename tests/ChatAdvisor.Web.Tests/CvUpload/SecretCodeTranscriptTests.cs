using ChatAdvisor.Conversations;
using ChatAdvisor.Cvs;
using ChatAdvisor.Data;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.CvUpload;

/// <summary>The candidate's secret code reaches the candidate's chat, but the stored transcript only ever holds it masked.</summary>
public sealed class SecretCodeTranscriptTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly ChatAdvisorApp _app;

    public SecretCodeTranscriptTests()
    {
        _app = new ChatAdvisorApp(services: s => s.AddSingleton<TimeProvider>(_clock));
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheCodeIsDeliveredToTheCandidateButNeverStoredInTheTranscript()
    {
        var client = await DirectLineClient.StartAsync(_app.CreateClient());
        var confirmation = await DirectLineApplication.ApplyAsync(client);
        var (reference, secret) = (confirmation.Reference, confirmation.SecretCode);
        await client.SayAndWaitAsync("What do you hold about me?", "reference number");
        await client.SayAndWaitAsync(reference, "secret code");
        await client.SayAndWaitAsync(secret, "Here is everything");

        // Neither the confirmation nor the candidate's typed answer holds the code in the database, in text or JSON.
        var rows = await TranscriptRowsAsync(client.ConversationId);
        Assert.DoesNotContain(rows, r => (r.Text ?? "").Contains(secret, StringComparison.Ordinal) || r.Json.Contains(secret, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.FromRole == "bot" && (r.Text ?? "").Contains("Secret code:** " + SecretMask.Masked, StringComparison.Ordinal));
        // The candidate's own client can still read it back for a while (a page reload, a polling client) ...
        Assert.Contains(await client.ReadAllAsync(), t => t.Contains(secret, StringComparison.Ordinal));

        // ... and after that, the conversation replays from what is stored.
        _clock.Advance(TranscriptStore.DeliveryWindow + TimeSpan.FromSeconds(1));
        var replay = await client.ReadAllAsync();
        Assert.DoesNotContain(replay, t => t.Contains(secret, StringComparison.Ordinal));
        Assert.Contains(replay, t => t.Contains("Secret code:** " + SecretMask.Masked, StringComparison.Ordinal));
    }

    private async Task<List<TranscriptActivity>> TranscriptRowsAsync(string conversationId)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ChatAdvisorDb>>().CreateDbContextAsync();
        return await db.TranscriptActivities.AsNoTracking().Where(a => a.ConversationId == conversationId).ToListAsync();
    }
}
