using System.Net;
using System.Text.RegularExpressions;
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
        var reference = await ApplyOverDirectLineAsync();
        var account = await PortalAccount.CreateRecruiterAsync(App);
        await SignInAsync(account);

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

    private async Task<string> ApplyOverDirectLineAsync()
    {
        using var http = new HttpClient { BaseAddress = Address };
        var client = await DirectLineClient.StartAsync(http);
        await client.AskAsync("What does an MLOps engineer do?");
        await CvDialogOverDirectLineTests.RunToFileStepAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.UploadAsync("my cv.pdf", "application/pdf", CvSamplesForChat.Pdf)).StatusCode);
        await client.WaitForBotAsync(t => t.Contains("Shall I send it?", StringComparison.Ordinal));
        var confirmation = DirectLineClient.Text(await client.SayAndWaitAsync("Confirm and send", "Reference:"));
        var other = await DirectLineClient.StartAsync(http);
        await other.AskAsync($"Do you have offices in {ReviewFixture.UnansweredWord}?");
        return Regex.Match(confirmation, "CV-[A-Z0-9]{4}-[A-Z0-9]{4}").Value;
    }

    /// <summary>The first sign-in: password, then the authenticator app set up from the key on the page.</summary>
    private async Task SignInAsync(PortalAccount account)
    {
        await Page.GotoAsync("/portal");
        await Page.GetByLabel("Email address").FillAsync(account.Email);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync(account.Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Set up your authenticator app" })).ToBeVisibleAsync();
        var key = (await Page.Locator("#shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
        await Page.GetByLabel("6-digit code from your authenticator app").FillAsync(Totp.NextCode(key));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Continue to the portal" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Recruiter portal" })).ToBeVisibleAsync();
    }

    private async Task<List<PortalAuditEntry>> AuditAsync(string action)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Action == action).ToListAsync();
    }

    private async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ChromiumFixture.ScreenshotFolder);
        var path = Path.Combine(ChromiumFixture.ScreenshotFolder, name);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }
}
