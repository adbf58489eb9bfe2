using ChatAdvisor.Web.Portal;
using ChatAdvisor.Web.Portal.Review;
using ChatAdvisor.Web.Tests.Browser;
using ChatAdvisor.Web.Tests.CvUpload;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatAdvisor.Web.Tests.Portal.Review;

/// <summary>A recruiter in headless Chromium finds a conversation by a word from it, reads it and downloads its CV.</summary>
public sealed class ReviewBrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : BrowserTest(chromium, new ChatAdvisorApp()), IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task RecruiterSignsInFindsAConversationByAWordOpensItAndDownloadsTheCv()
    {
        var (reference, _) = await PortalBrowserFlows.ApplyOverDirectLineAsync(Address);
        var account = await PortalAccount.CreateRecruiterAsync(App);
        await PortalBrowserFlows.SignInAsync(Page, account);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Conversations", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Conversations" })).ToBeVisibleAsync();
        await Page.GetByLabel("Text contains").FillAsync("hopper");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(Page.Locator("#result-count")).ToHaveTextAsync("1 conversation found.");
        await ScreenshotAsync("portal-conversations.png");
        await Page.GetByRole(AriaRole.Link, new() { Name = "What does an MLOps engineer do?" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Conversation", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.Locator(".answer").First).ToContainTextAsync("Mode: extractive");
        await Expect(Page.Locator(".citations li").First).ToContainTextAsync("#");
        await Expect(Page.Locator("#applications")).ToContainTextAsync(reference);
        await ScreenshotAsync("portal-transcript.png");
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Download CV" }).ClickAsync());

        Assert.Equal("my_cv.pdf", download.SuggestedFilename);
        Assert.Equal(CvSamplesForChat.Pdf, await File.ReadAllBytesAsync((await download.PathAsync())!));
        Assert.Empty(Browser.Problems);
        Assert.Contains(await AuditAsync(ReviewAuditActions.CvDownload), e => e.Subject == reference);
    }

    private async Task<List<PortalAuditEntry>> AuditAsync(string action)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Action == action).ToListAsync();
    }

    private async Task ScreenshotAsync(string name) => output.WriteLine($"Screenshot: {await Browser.ScreenshotAsync(name)}");
}
