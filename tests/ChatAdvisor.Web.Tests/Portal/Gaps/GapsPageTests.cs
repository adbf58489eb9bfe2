using System.Net;
using ChatAdvisor.Web.Portal;
using ChatAdvisor.Web.Tests.Infrastructure;
using ChatAdvisor.Web.Tests.Portal.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.Portal.Gaps;

/// <summary>/portal/gaps: what the bot could not answer, grouped, for the people who write the knowledge.</summary>
public sealed class GapsPageTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly ChatAdvisorApp _app;

    public GapsPageTests()
    {
        _app = new ChatAdvisorApp(services: s => s.AddSingleton<TimeProvider>(_clock));
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task RecruiterSeesADeclinedQuestionGroupedWithItsParaphraseAndTheViewIsAudited()
    {
        var client = await DirectLineClient.StartAsync(_app.CreateClient());
        var replies = new List<string>();
        foreach (var question in (string[])["What is the salary of a data engineer?", "How much do data engineers earn?", "How much do data engineers earn?"])
        {
            replies.Add(DirectLineClient.Text(await client.AskAsync(question)));
        }
        var recruiter = await PortalAccount.CreateRecruiterAsync(_app);
        using var session = await StaffTestData.SignInAsync(_app, recruiter);
        // One instant, after the questions were stored, for the portal's "today" and for the expected one: the page
        // defaults to a range that ends today, and the questions fall in it even when the test runs across midnight.
        var now = DateTimeOffset.UtcNow;
        _clock.SetUtcNow(now);

        var (page, html) = await session.GetAsync("/portal/gaps");

        Assert.True(page.StatusCode == HttpStatusCode.OK, string.Join(" | ", replies));
        Assert.Contains($"value=\"{now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}\"", html, StringComparison.Ordinal);
        Assert.Contains("<h2 lang=\"en\">How much do data engineers earn?</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"gap-language\">en</dd>", html, StringComparison.Ordinal);
        Assert.Contains("3 time(s)", html, StringComparison.Ordinal);
        Assert.Contains("declined 3", html, StringComparison.Ordinal);
        Assert.Contains("<li>What is the salary of a data engineer?</li>", html, StringComparison.Ordinal);
        Assert.Matches(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", html);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        var entry = Assert.Single(await db.AuditEntries.Where(e => e.Action == "view-gaps").ToListAsync());
        Assert.Equal(recruiter.UserId, entry.ActorUserId);
    }

    [Fact]
    public async Task ARangeBeforeTheQuestionsShowsNoGapsAndAnInvertedRangeIsExplained()
    {
        var client = await DirectLineClient.StartAsync(_app.CreateClient());
        await client.AskAsync("What is the salary of a data engineer?");
        using var session = await StaffTestData.SignInAsync(_app, await PortalAccount.CreateAdminAsync(_app));

        var (_, past) = await session.GetAsync("/portal/gaps?From=2020-01-01&To=2020-01-31");
        var (_, inverted) = await session.GetAsync("/portal/gaps?From=2020-02-01&To=2020-01-01");

        Assert.Contains("No knowledge gaps in this period.", past, StringComparison.Ordinal);
        Assert.Contains("the first day must not be after the last day", inverted, StringComparison.Ordinal);
    }
}
