using System.Text.RegularExpressions;
using ChatAdvisor.Cvs;
using ChatAdvisor.Data;
using ChatAdvisor.Web.Channels.DirectLine;
using ChatAdvisor.Web.Tests.Bot;
using ChatAdvisor.Web.Tests.CvUpload;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatAdvisor.Web.Tests.Browser;

/// <summary>
/// A visitor applies through the home page's Web Chat in headless Chromium: consent, answers by suggested action and
/// by typing, the CV attached with Web Chat's upload button, confirmation with a reference. Then the disk is checked:
/// the CV is in the CV store, and the Direct Line upload copy is gone.
/// </summary>
public sealed class CvUploadBrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : BrowserTest(chromium, CreateApp()), IClassFixture<ChromiumFixture>
{
    private const string CvStoreFolderName = "cv-store";
    private const string FileName = "ada-lovelace-cv.pdf";

    private static readonly byte[] s_cv = SamplePdf.Create("Ada Lovelace");



    private ILocator Transcript => Page.Locator("#webchat .webchat__basic-transcript");

    private ILocator BotBubbles => Transcript.Locator(".webchat__bubble:not(.webchat__bubble--from-user)");

    private string CvStore => Path.Combine(App.DataFolder, CvStoreFolderName);

    /// <summary>Where Direct Line keeps uploads: <c>DirectLine:AttachmentsPath</c>, which <see cref="ChatAdvisorApp"/> puts in its data folder.</summary>
    private string AttachmentsFolder =>
        Path.GetFullPath(App.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value.AttachmentsPath, App.Services.GetRequiredService<IHostEnvironment>().ContentRootPath);

    [Fact]
    public async Task VisitorAppliesInWebChatAttachesAPDFAndGetsAReferenceAndTheCVIsStored()
    {
        var store = Assert.IsType<LocalCvFileStore>(App.Services.GetRequiredService<ICvFileStore>());
        Assert.Equal(CvStore, store.Folder);
        Assert.StartsWith(App.DataFolder, AttachmentsFolder, StringComparison.Ordinal);
        await Page.GotoAsync("/");
        await Expect(BotBubbles.Filter(new() { HasText = "ChatAdvisor, an AI assistant" })).ToHaveCountAsync(1);

        await TypeAsync("I want to apply");
        var notice = BotBubble("notice version");
        await Expect(notice).ToBeVisibleAsync();
        await Expect(notice).ToContainTextAsync("Do you agree to us processing your CV");
        await Expect(BotBubble("What's your full name?")).ToHaveCountAsync(0);

        await ChooseAsync("I agree", next: "Would you also like us to keep your details");
        await ChooseAsync("No, just this application", next: "What's your full name?");
        await TypeAsync("Ada Lovelace");
        await Expect(BotBubble("Which email address")).ToBeVisibleAsync();
        Assert.True(await BrowserPage.IsAfterAsync(BotBubble("What's your full name?"), notice), "The privacy notice should come before the name is asked.");
        await TypeAsync("ada.lovelace@example.com");
        await ChooseAsync("MLOps Engineer", after: "Which role or roles", next: "Where are you based");
        await TypeAsync("Vienna, Austria");
        await ChooseAsync("1 month", after: "earliest start date", next: "Please attach your CV");

        // Web Chat's paperclip opens the file chooser; the chosen file waits, with its name, until "Send file".
        var sendBox = Page.Locator("#webchat [data-id='webchat-sendbox-input']");
        var chooser = await Page.RunAndWaitForFileChooserAsync(() =>
            Page.Locator("#webchat").GetByRole(AriaRole.Button, new() { Name = "Upload file" }).ClickAsync());
        await chooser.SetFilesAsync(new FilePayload { Name = FileName, MimeType = "application/pdf", Buffer = s_cv });
        await Expect(Page.Locator("#attachment")).ToContainTextAsync(FileName);
        await Page.Locator("#attachment").GetByRole(AriaRole.Button, new() { Name = "Send file" }).ClickAsync();
        var upload = Transcript.Locator("article").Filter(new() { Has = Page.Locator(".webchat__bubble--from-user", new() { HasText = FileName }) });
        await Expect(upload).ToHaveCountAsync(1);
        await Expect(upload.Locator(".webchat__activity-status")).ToContainTextAsync("Sent at");

        await Expect(BotBubble($"Thanks, I've got {FileName}")).ToBeVisibleAsync();
        var summary = BotBubble("Here's what I'll send to our recruiters");
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToContainTextAsync("Name: Ada Lovelace");
        await Expect(summary).ToContainTextAsync("Email: ada.lovelace@example.com");
        await Expect(summary).ToContainTextAsync("Roles: MLOps Engineer");
        await Expect(summary).ToContainTextAsync("Location: Vienna, Austria");
        await Expect(summary).ToContainTextAsync("Notice period: 1 month");
        await Expect(summary).ToContainTextAsync($"CV: {FileName}");
        await Expect(summary).ToContainTextAsync("Talent pool: no, this application only");
        await ScreenshotAsync("cv-upload-summary.png");

        await ChooseAsync("Confirm and send", next: "Your application has been sent");
        var confirmation = BotBubble("Your application has been sent");
        await Expect(confirmation).ToContainTextAsync(CvConfirmation.RenderedReference);
        await Expect(confirmation).ToContainTextAsync("Secret code:");
        var reference = CvConfirmation.RenderedReference.Match(await confirmation.InnerTextAsync()).Groups["reference"].Value;
        await Expect(sendBox).ToBeEmptyAsync();
        await Expect(Page.Locator("#webchat .webchat__connectivityStatus")).ToBeHiddenAsync();
        await ScreenshotAsync("cv-upload-confirmation.png");

        // On disk: exactly the uploaded bytes in the CV store, under the key the application records...
        var stored = Assert.Single(Directory.GetFiles(CvStore, "*", SearchOption.AllDirectories));
        Assert.Equal(s_cv, await File.ReadAllBytesAsync(stored));
        await using (var db = await App.Services.GetRequiredService<IDbContextFactory<ChatAdvisorDb>>().CreateDbContextAsync())
        {
            var submission = await db.CvSubmissions.AsNoTracking().SingleAsync(s => s.Reference == reference);
            Assert.Equal(Path.GetFileName(stored), submission.StorageKey);
            Assert.Equal(FileName, submission.FileName);
            Assert.Equal("directline", submission.ChannelId);
        }

        // ...and the upload went through Direct Line's attachment store, which no longer holds it.
        Assert.True(Directory.Exists(AttachmentsFolder), "The upload should have passed through the Direct Line attachments folder.");
        Assert.Empty(Directory.GetFiles(AttachmentsFolder, "*", SearchOption.AllDirectories));

        Assert.Empty(Browser.Problems);
    }

    private static ChatAdvisorApp CreateApp()
    {
        ChatAdvisorApp? app = null;
        // The CV store goes inside the app's data folder, which exists only once the app does.
        app = new ChatAdvisorApp(services: services =>
            services.PostConfigure<CvOptions>(o => o.StoragePath = Path.Combine(app!.DataFolder, CvStoreFolderName)));
        return app;
    }

    /// <summary>Bot bubbles containing the text; Web Chat's Markdown turns ' into ’, so either is accepted.</summary>
    private ILocator BotBubble(string text) =>
        BotBubbles.Filter(new() { HasTextRegex = new Regex(Regex.Escape(text).Replace("'", "['\u2019]", StringComparison.Ordinal)) });

    private async Task TypeAsync(string text)
    {
        var sendBox = Page.Locator("#webchat [data-id='webchat-sendbox-input']");
        await sendBox.FillAsync(text);
        await Page.Locator("#webchat").GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(sendBox).ToBeEmptyAsync();
    }

    /// <summary>Clicks a suggested action (once the prompt it belongs to is shown) and waits for the bot's next prompt.</summary>
    private async Task ChooseAsync(string choice, string next, string? after = null)
    {
        if (after is not null)
        {
            await Expect(BotBubble(after)).ToBeVisibleAsync();
        }
        var action = Page.Locator("#webchat .webchat__suggested-actions").GetByRole(AriaRole.Button, new() { Name = choice, Exact = true });
        await Expect(action).ToBeVisibleAsync();
        await action.ClickAsync();
        await Expect(Transcript.Locator(".webchat__bubble--from-user", new() { HasText = choice }).Last).ToBeVisibleAsync();
        await Expect(BotBubble(next).Last).ToBeVisibleAsync();
    }

    private async Task ScreenshotAsync(string name) => output.WriteLine($"Screenshot: {await Browser.ScreenshotAsync(name)}");
}
