using System.Text.RegularExpressions;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatAdvisor.Web.Tests.Browser;

/// <summary>
/// The home page in headless Chromium: the official Web Chat bundle talking to this host's Direct Line endpoint
/// over a real socket, as a visitor would use it.
/// </summary>
public sealed class WebChatBrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : BrowserTest(chromium, new ChatAdvisorApp()), IClassFixture<ChromiumFixture>
{
    private const string Question = "What does an MLOps engineer do?";
    private const string WelcomeText = "ChatAdvisor, an AI assistant";



    /// <summary>Web Chat's transcript (the list of activities, not its screen-reader live region).</summary>
    private ILocator Transcript => Page.Locator("#webchat .webchat__basic-transcript");

    [Fact]
    public async Task HomePageDisclosesTheAIAssistantBeforeAnythingIsSentAndWebChatShowsTheWelcome()
    {
        await Page.GotoAsync("/");

        // The disclosure is part of the page itself, above the chat, before the visitor has typed anything.
        var disclosure = Page.Locator("#ai-disclosure");
        await Expect(disclosure).ToBeVisibleAsync();
        await Expect(disclosure).ToContainTextAsync("You are chatting with an AI assistant, not a person.");
        var sendBox = Page.Locator("#webchat [data-id='webchat-sendbox-input']");
        await Expect(sendBox).ToBeVisibleAsync();
        await Expect(sendBox).ToBeEmptyAsync();
        Assert.True((await disclosure.BoundingBoxAsync())!.Y < (await Page.Locator("#webchat").BoundingBoxAsync())!.Y,
            "The AI disclosure should sit above the chat.");

        // The bot's welcome arrives through Direct Line without a message from the visitor and says what it is.
        var welcome = Transcript.Locator(".webchat__bubble:not(.webchat__bubble--from-user)", new() { HasText = WelcomeText });
        await Expect(welcome).ToHaveCountAsync(1);
        await Expect(welcome).ToContainTextAsync("not a person");
        await Expect(Transcript.Locator(".webchat__bubble--from-user")).ToHaveCountAsync(0);

        // site.css labels every bot bubble as AI-generated (AI Act Art. 50).
        var label = await welcome.Locator(".webchat__bubble__content").EvaluateAsync<string>("e => getComputedStyle(e, '::before').content");
        Assert.Equal("\"AI-generated\"", label);

        await Expect(Page.Locator("#webchat .webchat__connectivityStatus")).ToBeHiddenAsync();
        await Expect(Page.Locator("#chat-error")).ToBeHiddenAsync();
        await ScreenshotAsync("home-welcome.png");
        Assert.Empty(Browser.Problems);
    }

    [Fact]
    public async Task AskingThroughTheSendBoxGetsACitedAnswerAndTheQuestionIsMarkedSent()
    {
        await Page.GotoAsync("/");
        await Expect(Transcript).ToContainTextAsync(WelcomeText);

        var sendBox = Page.Locator("#webchat [data-id='webchat-sendbox-input']");
        await sendBox.FillAsync(Question);
        await Page.Locator("#webchat").GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(sendBox).ToBeEmptyAsync();

        // The question is echoed back by the server with its clientActivityID, so Web Chat moves it from
        // "Sending" to "Sent at …" and never to "Send failed".
        var question = Transcript.Locator("article").Filter(new() { Has = Page.Locator(".webchat__bubble--from-user", new() { HasText = Question }) });
        await Expect(question).ToHaveCountAsync(1);
        var status = question.Locator(".webchat__activity-status");
        await Expect(status).ToContainTextAsync("Sent at");
        await Expect(status).Not.ToContainTextAsync("Send failed");
        await Expect(question.Locator(".webchat__activity-status--sending")).ToHaveCountAsync(0);

        // The answer says what the job is and carries its citation: the inline [1] marker and the reference list.
        var answer = Transcript.Locator("article").Filter(new() { Has = Page.Locator("button.webchat__render-markdown__citation") });
        await Expect(answer).ToHaveCountAsync(1);
        await Expect(answer).ToContainTextAsync(new Regex("An MLOps engineer", RegexOptions.IgnoreCase));
        await Expect(answer).ToContainTextAsync(new Regex("machine learning models", RegexOptions.IgnoreCase));
        await Expect(answer).ToContainTextAsync(new Regex(@"deploy|production", RegexOptions.IgnoreCase));
        var marker = answer.Locator("button.webchat__render-markdown__citation").First;
        await Expect(marker).ToBeVisibleAsync();
        await Expect(marker).ToHaveAttributeAsync("aria-label", new Regex("MLOps Engineer role guide"));
        var references = answer.Locator(".webchat__link-definitions");
        await Expect(references).ToBeVisibleAsync();
        await Expect(references).ToContainTextAsync(new Regex(@"\d+ references?"));
        await Expect(references.GetByRole(AriaRole.Listitem)).ToContainTextAsync("MLOps Engineer role guide");
        Assert.True(await BrowserPage.IsAfterAsync(answer, question), "The answer should be shown below the question.");

        await Expect(Page.Locator("#webchat .webchat__connectivityStatus")).ToBeHiddenAsync();
        await ScreenshotAsync("answer-with-citation.png");

        // Opening the citation shows the cited passage of the guide (from the schema.org Claim).
        await marker.ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog, new() { Name = "MLOps Engineer role guide" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("An MLOps engineer");
        await Browser.ScreenshotAsync("chat-citation-desktop.png", fullPage: false, forDocs: true);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        // The same on a phone: the dialog fits the screen and closes again.
        await Page.SetViewportSizeAsync(390, 844);
        await marker.ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        Assert.True(await dialog.EvaluateAsync<bool>("d => d.getBoundingClientRect().width <= 390"), "the citation dialog must fit a 390 px screen");
        await Browser.ScreenshotAsync("chat-citation-phone.png", fullPage: false, forDocs: true);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        await Expect(status).Not.ToContainTextAsync("Send failed");
        Assert.Empty(Browser.Problems);
    }

    private async Task ScreenshotAsync(string name) => output.WriteLine($"Screenshot: {await Browser.ScreenshotAsync(name)}");
}
