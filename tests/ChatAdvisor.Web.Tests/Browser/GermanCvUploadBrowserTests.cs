using System.Text.RegularExpressions;
using ChatAdvisor.Cvs;
using ChatAdvisor.Data;
using ChatAdvisor.Knowledge;
using ChatAdvisor.Languages;
using ChatAdvisor.Web.Tests.Bot;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static ChatAdvisor.Web.Tests.Infrastructure.MessageTemplates;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatAdvisor.Web.Tests.Browser;

/// <summary>
/// A browser set to German opens the chat page and applies in German from the first question to the CV reference:
/// the page, Web Chat, the welcome, an answer, the notice, every prompt and button, the file panel and the summary.
/// </summary>
public sealed class GermanCvUploadBrowserTests(ChromiumFixture chromium, ITestOutputHelper output)
    : BrowserTest(chromium, new ChatAdvisorApp(), locale: "de-DE"), IClassFixture<ChromiumFixture>
{
    private const string FileName = "grete-hoffmann-lebenslauf.pdf";

    private WebChatPage Chat => new(Page);

    private MessageSet German => App.Services.GetRequiredService<KnowledgeBase>().Messages("de");

    [Fact]
    public async Task AGermanVisitorChatsAndAppliesInGermanUpToTheReference()
    {
        var de = German;
        var words = CvText.For(de);
        await Page.GotoAsync("/");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = de.Get("page-heading") })).ToBeVisibleAsync();
        await Expect(Page.Locator("#ai-disclosure")).ToContainTextAsync(de.Get("page-ai-disclosure-title"));
        await Expect(Chat.BotBubbles.Filter(new() { HasText = "KI-Assistent" })).ToHaveCountAsync(1);
        // Every bot message carries the AI label in German.
        var label = await Chat.BotBubbles.First.Locator(".webchat__bubble__content").EvaluateAsync<string>("e => getComputedStyle(e, '::before').content");
        Assert.Equal($"\"{de.Get("page-ai-generated")}\"", label);
        await ScreenshotAsync("de-welcome-desktop.png");

        await Chat.SayAsync("Welche Fähigkeiten braucht ein MLOps Engineer?");
        await Expect(Chat.BotBubbles.Filter(new() { HasText = "Berufsbild" }).Last).ToBeVisibleAsync();

        await Chat.SayAsync("Ich möchte mich bewerben");
        var notice = Chat.BotBubble(Opening(de.Get("cv-consent")));
        await Expect(notice).ToBeVisibleAsync();
        await Expect(notice.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", new Regex(@"/privacy\?lang=de$"));
        await Chat.ChooseAsync(words.Agree.Title, next: de.Get("cv-talent-pool"));
        await Chat.ChooseAsync(words.PoolNo.Title, next: de.Get("cv-name"));
        await Chat.SayAsync("Grete Hoffmann");
        await Expect(Chat.BotBubble(de.Get("cv-email"))).ToBeVisibleAsync();
        await Chat.SayAsync("grete.hoffmann@example.com");
        await Chat.ChooseAsync("MLOps Engineer", next: de.Get("cv-location"));
        await Chat.SayAsync("München");
        await Chat.ChooseAsync(words.NoticePeriods[1].Title, next: Opening(de.Get("cv-file")));
        await ScreenshotAsync("de-cv-file-step-desktop.png");

        await Page.Locator("#webchat input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = FileName, MimeType = "application/pdf", Buffer = SamplePdf.Create("Grete Hoffmann"),
        });
        await Expect(Page.Locator("#attachment")).ToContainTextAsync(de.Get("page-file-ready"));
        await Page.Locator("#attachment").GetByRole(AriaRole.Button, new() { Name = de.Get("page-send-file") }).ClickAsync();
        var summary = Chat.BotBubble(Opening(de.Get("cv-summary")));
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary).ToContainTextAsync("Grete Hoffmann");
        await Expect(summary).ToContainTextAsync(words.NoticePeriods[1].Title);
        await Expect(summary).ToContainTextAsync(FileName);

        await Chat.ChooseAsync(words.Confirm.Title, next: Opening(de.Get("cv-submitted")));
        var confirmation = Chat.BotBubble(Opening(de.Get("cv-submitted")));
        var reference = Regex.Match(await confirmation.InnerTextAsync(), @"\bCV-[A-Z0-9]{4}-[A-Z0-9]{4}\b").Value;
        Assert.NotEmpty(reference);
        await ScreenshotAsync("de-cv-confirmation-desktop.png");
        await Page.SetViewportSizeAsync(390, 844);
        await ScreenshotAsync("de-cv-confirmation-phone.png");

        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ChatAdvisorDb>>().CreateDbContextAsync();
        var submission = await db.CvSubmissions.AsNoTracking().SingleAsync(s => s.Reference == reference);
        Assert.Equal("de", submission.NoticeLanguage);
        Assert.Empty(Browser.Problems);
    }

    [Fact]
    public async Task ThePrivacyNoticeInEveryLanguageFitsAPhoneScreen()
    {
        await Page.SetViewportSizeAsync(390, 844);
        foreach (var language in App.Services.GetRequiredService<KnowledgeBase>().Languages)
        {
            await Page.GotoAsync("/privacy?lang=" + language);
            await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", language);
            Assert.True(await Page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
                $"The {language} privacy notice scrolls sideways on a phone.");
        }
        await ScreenshotAsync("de-privacy-phone.png");
        Assert.Empty(Browser.Problems);
    }

    private async Task ScreenshotAsync(string name) => output.WriteLine($"Screenshot: {await Browser.ScreenshotAsync(name)}");
}
