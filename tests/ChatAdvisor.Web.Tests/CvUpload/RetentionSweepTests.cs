using ChatAdvisor.Cvs;
using ChatAdvisor.Data;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.CvUpload;

/// <summary>
/// The retention sweep over what real chats stored, on a clock the test moves: idle conversations go after 90 days,
/// applications and their CV files after 365, and anything younger stays.
/// </summary>
public sealed class RetentionSweepTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly ChatAdvisorApp _app;

    public RetentionSweepTests()
    {
        _app = new ChatAdvisorApp(services: s => s.AddSingleton<TimeProvider>(_clock));
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ExpiredConversationsApplicationsAndFilesAreDeletedAndYoungerOnesKept()
    {
        var first = await ApplyAsync();
        var firstFile = Assert.Single(Directory.GetFiles(_app.CvFolder));

        _clock.Advance(TimeSpan.FromDays(100));
        var second = await ApplyAsync();
        Assert.Equal((0, 1), await SweepAsync());

        // 100 days on: the first conversation was idle too long, its application (kept for a year) and file are not.
        Assert.Equal([second], await ConversationIdsAsync());
        Assert.Equal([first, second], await ApplicationConversationIdsAsync());
        Assert.Equal(2, Directory.GetFiles(_app.CvFolder).Length);
        Assert.Empty(await TranscriptRowsAsync(first));

        _clock.Advance(TimeSpan.FromDays(266));
        var third = await ApplyAsync();
        Assert.Equal((1, 1), await SweepAsync());

        // 366 days after the first application: it and its file are gone; the second (266 days old) stays.
        Assert.Equal([third], await ConversationIdsAsync());
        Assert.Equal([second, third], await ApplicationConversationIdsAsync());
        Assert.DoesNotContain(firstFile, Directory.GetFiles(_app.CvFolder));
        Assert.Equal(2, Directory.GetFiles(_app.CvFolder).Length);
        Assert.NotEmpty(await TranscriptRowsAsync(third));
    }

    /// <summary>A whole application through Direct Line, at the clock's time; returns its conversation id.</summary>
    private async Task<string> ApplyAsync()
    {
        var client = await DirectLineClient.StartAsync(_app.CreateClient());
        await DirectLineApplication.ApplyAsync(client, "cv.pdf");
        // The turn saves the conversation's state (and its last-activity time) after its reply: the clock moves only
        // once that turn has finished and the conversation is idle.
        await _app.TurnsFinishedAsync();
        return client.ConversationId;
    }

    private Task<(int Applications, int Conversations)> SweepAsync() =>
        _app.Services.GetRequiredService<RetentionService>().SweepAsync(CancellationToken.None);

    private async Task<string[]> ConversationIdsAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ChatAdvisorDb>>().CreateDbContextAsync();
        return [.. (await db.Conversations.Select(c => new { c.Id, c.StartedAt }).ToListAsync()).OrderBy(c => c.StartedAt).Select(c => c.Id)];
    }

    private async Task<string[]> ApplicationConversationIdsAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ChatAdvisorDb>>().CreateDbContextAsync();
        return [.. (await db.CvSubmissions.Select(s => new { s.ConversationId, s.SubmittedAt }).ToListAsync()).OrderBy(s => s.SubmittedAt).Select(s => s.ConversationId)];
    }

    private async Task<List<string>> TranscriptRowsAsync(string conversationId)
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ChatAdvisorDb>>().CreateDbContextAsync();
        return await db.TranscriptActivities.Where(a => a.ConversationId == conversationId).Select(a => a.ActivityId).ToListAsync();
    }
}
