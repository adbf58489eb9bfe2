using ChatAdvisor.Languages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatAdvisor.Web.Tests.Browser;

/// <summary>
/// A Portuguese browser, Portuguese switched on without Portuguese guides, and a chat model: Web Chat shows the answer
/// in Portuguese with its English source citation and the note that it was translated by AI.
/// </summary>
public sealed class TranslatedAnswerBrowserTests(ChromiumFixture chromium, ITestOutputHelper output)
    : BrowserTest(chromium, Bot.TranslatedAnswerTests.PortugueseWithModel(Bot.TranslatedAnswerTests.TranslatingModel()), locale: "pt-PT"), IClassFixture<ChromiumFixture>
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task APortugueseQuestionIsAnsweredInPortugueseWithTheEnglishSourceAndTheTranslationNote(int width, int height)
    {
        await Page.SetViewportSizeAsync(width, height);
        await Page.GotoAsync("/");
        var chat = new WebChatPage(Page);

        await chat.SayAsync("Quanto ganha um engenheiro de MLOps em início de carreira?");
        var answer = chat.BotBubbles.Filter(new() { HasText = "começam normalmente" }).Last;
        await Expect(answer).ToBeVisibleAsync();

        // Web Chat's Markdown turns the apostrophe into a typographic one: compare up to it.
        await Expect(answer).ToContainTextAsync(MessageSet.English.Get(MessageKeys.AnswerTranslated).Split('\'')[0]);
        // The citation names the English section it came from.
        await Expect(answer).ToContainTextAsync("MLOps engineer salary in Europe");
        output.WriteLine($"Screenshot: {await Browser.ScreenshotAsync($"pt-translated-{width}.png")}");
        Assert.Empty(Browser.Problems);
    }
}
