using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChatAdvisor.Web.Tests.Browser;

/// <summary>The home page's Web Chat as a visitor uses it: the transcript, the send box and the bot's replies.</summary>
public sealed class WebChatPage(IPage page)
{
    public const string WelcomeText = "ChatAdvisor, an AI assistant";

    public ILocator Root => page.Locator("#webchat");

    /// <summary>Web Chat's transcript (the list of activities, not its screen-reader live region).</summary>
    public ILocator Transcript => page.Locator("#webchat .webchat__basic-transcript");

    public ILocator SendBox => page.Locator("#webchat [data-id='webchat-sendbox-input']");

    public ILocator SendButton => Root.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true });

    public ILocator UploadButton => Root.GetByRole(AriaRole.Button, new() { Name = "Upload file" });

    public ILocator BotBubbles => Transcript.Locator(".webchat__bubble:not(.webchat__bubble--from-user)");

    public ILocator UserBubbles => Transcript.Locator(".webchat__bubble--from-user");

    /// <summary>The transcript's activities as shown (not their screen-reader twins), oldest first.</summary>
    public ILocator Activities => Transcript.Locator(".webchat__basic-transcript__activity");

    public ILocator SuggestedAction(string name) =>
        page.Locator("#webchat .webchat__suggested-actions").GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>Bot bubbles containing the text; Web Chat's Markdown turns ' into ’, so either is accepted.</summary>
    public ILocator BotBubble(string text) => BotBubbles.Filter(new() { HasTextRegex = Loosely(text) });

    /// <summary>The activity holding the bot bubble with the text.</summary>
    public ILocator BotActivity(string text) =>
        Activities.Filter(new() { Has = page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)", new() { HasTextRegex = Loosely(text) }) });

    private static Regex Loosely(string text) => new(Regex.Escape(text).Replace("'", "['\u2019]", StringComparison.Ordinal));

    public async Task OpenAsync()
    {
        await page.GotoAsync("/");
        await Expect(BotBubble(WelcomeText)).ToHaveCountAsync(1);
    }

    /// <summary>Types into the send box and presses Enter, as a visitor would; waits until the box is cleared.</summary>
    public async Task SayAsync(string text)
    {
        await SendBox.FillAsync(text);
        await SendBox.PressAsync("Enter");
        await Expect(SendBox).ToBeEmptyAsync();
    }

    /// <summary>Says <paramref name="text"/> and waits for the bot's next message.</summary>
    public async Task AskAsync(string text)
    {
        var before = await BotBubbles.CountAsync();
        await SayAsync(text);
        await Expect(UserBubbles.Filter(new() { HasText = text }).Last).ToBeVisibleAsync();
        await Expect(BotBubbles).ToHaveCountAsync(before + 1);
    }

    /// <summary>Clicks a suggested action and waits for the bot's message containing <paramref name="next"/>.</summary>
    public async Task ChooseAsync(string choice, string next)
    {
        var action = SuggestedAction(choice);
        await Expect(action).ToBeVisibleAsync();
        await action.ClickAsync();
        await Expect(BotBubble(next).Last).ToBeVisibleAsync();
    }
}
