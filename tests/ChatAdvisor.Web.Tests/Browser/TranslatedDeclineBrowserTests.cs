using ChatAdvisor.Knowledge;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatAdvisor.Web.Tests.Browser;

/// <summary>
/// A Spanish browser asks about a city the guides never name: Web Chat shows the Spanish decline naming the place as
/// the visitor spelt it, then what the guide does say, and a question about what a role does is answered in Spanish.
/// </summary>
public sealed class TranslatedDeclineBrowserTests(ChromiumFixture chromium, ITestOutputHelper output)
    : BrowserTest(chromium, new ChatAdvisorApp(), locale: "es-ES"), IClassFixture<ChromiumFixture>
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task APlaceTheGuidesNeverNameIsDeclinedInTheVisitorsLanguageAndSpelling(int width, int height)
    {
        await Page.SetViewportSizeAsync(width, height);
        await Page.GotoAsync("/");
        var chat = new WebChatPage(Page);
        var spanish = App.Services.GetRequiredService<KnowledgeBase>().Messages("es");

        await chat.SayAsync("¿Cuánto gana un ingeniero de MLOps en Bélgica?");

        var decline = spanish.Get("decline-place").Split('{')[0].Trim();
        var answer = chat.BotBubbles.Filter(new() { HasText = decline }).Last;
        await Expect(answer).ToBeVisibleAsync();
        await Expect(answer).ToContainTextAsync("Bélgica");
        // Web Chat scrolls the answer into view, on a phone too.
        await Expect(answer).ToBeInViewportAsync();
        output.WriteLine($"Screenshot: {await Browser.ScreenshotAsync($"es-place-decline-{width}.png")}");
        Assert.Empty(Browser.Problems);
    }
}
