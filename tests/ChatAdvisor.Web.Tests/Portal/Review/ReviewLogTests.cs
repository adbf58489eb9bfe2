using System.Net;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace ChatAdvisor.Web.Tests.Portal.Review;

/// <summary>What the host logs while a recruiter uses the portal as intended.</summary>
public sealed class ReviewLogTests : IDisposable
{
    private readonly LogCapture _log = new();
    private readonly ChatAdvisorApp _app;

    public ReviewLogTests() => _app = new ChatAdvisorApp(services: _log.Register);

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task OrdinaryPortalUseLogsNoAntiforgeryWarning()
    {
        var visitor = await DirectLineClient.StartAsync(_app.CreateClient());
        await visitor.AskAsync("What does an MLOps engineer do?");
        var account = await PortalAccount.CreateRecruiterAsync(_app);
        using var recruiter = new PortalSession(_app);
        await recruiter.EnrolAsync(account);
        var transcript = ReviewFixture.TranscriptPath(visitor.ConversationId);

        foreach (var path in (string[])["/portal", "/portal/conversations", transcript, "/portal/gaps", transcript])
        {
            Assert.Equal(HttpStatusCode.OK, (await recruiter.GetAsync(path)).Response.StatusCode);
        }
        PortalSession.AssertRedirect(
            await ReviewFixture.PostAsync(recruiter, transcript, transcript + "?handler=AddTag", [new("tag", "follow up")]), transcript + "#tags");
        var export = await ReviewFixture.PostAsync(recruiter, "/portal/conversations", "/portal/conversations?handler=Export",
            [new("selected", visitor.ConversationId), new("format", "csv")]);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);

        var warnings = _log.Entries.Where(e => e.Category.Contains("Antiforgery", StringComparison.Ordinal) && e.Level >= LogLevel.Warning).ToList();
        Assert.True(warnings.Count == 0, $"{warnings.Count} antiforgery warning(s):\n{string.Join('\n', warnings)}");
        Assert.Contains(_log.Entries, e => e.Category.StartsWith("ChatAdvisor", StringComparison.Ordinal));
    }
}
