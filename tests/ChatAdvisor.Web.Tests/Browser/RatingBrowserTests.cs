using ChatAdvisor.Data;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatAdvisor.Web.Tests.Browser;

/// <summary>
/// A visitor rates answers with Web Chat's thumbs: the choice stays visible while the conversation goes on, and a reason
/// typed in their own words after "tell me what was wrong" is stored with the rating.
/// </summary>
public sealed class RatingBrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : BrowserTest(chromium, new ChatAdvisorApp()), IClassFixture<ChromiumFixture>
{
    private const string Question = "What does an MLOps engineer do?";
    private const string Reason = "It left out the salary range for Germany";

    private WebChatPage Chat => new(Page);

    [Fact]
    public async Task TheChosenThumbStaysVisibleAndATypedReasonIsStoredWithTheRating()
    {
        await Chat.OpenAsync();
        await Chat.AskAsync(Question);
        var answer = await LatestActivityAsync();
        var dislike = answer.GetByRole(AriaRole.Button, new() { Name = "Dislike", Exact = true });
        var like = answer.GetByRole(AriaRole.Button, new() { Name = "Like", Exact = true });
        await dislike.ClickAsync();

        await Expect(Chat.BotBubble("tell me what was wrong")).ToBeVisibleAsync();
        await Expect(dislike).ToBeVisibleAsync();
        await Expect(dislike).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(like).ToHaveAttributeAsync("aria-pressed", "false");

        await Chat.AskAsync(Reason);
        await Expect(Chat.BotBubbles.Last).ToContainTextAsync("passed that on");
        await Expect(dislike).ToHaveAttributeAsync("aria-pressed", "true");
        var rating = await RatingAsync();
        Assert.Equal((false, Reason), (rating.Helpful, rating.Reason));

        // A later answer rated helpful keeps its thumb too, and the earlier choice is still shown.
        await Chat.AskAsync("What skills does a machine learning engineer need?");
        var second = await LatestActivityAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Like", Exact = true }).ClickAsync();
        await Chat.AskAsync("hello");
        await Expect(second.GetByRole(AriaRole.Button, new() { Name = "Like", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(dislike).ToHaveAttributeAsync("aria-pressed", "true");
        output.WriteLine($"Screenshot: {await Browser.ScreenshotAsync("rating-kept.png", fullPage: false)}");
        Assert.Empty(Browser.Problems);
    }

    /// <summary>The newest activity, pinned by position (<c>Last</c> would move on with the conversation).</summary>
    private async Task<ILocator> LatestActivityAsync() => Chat.Activities.Nth(await Chat.Activities.CountAsync() - 1);

    private async Task<(bool Helpful, string? Reason)> RatingAsync()
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ChatAdvisorDb>>().CreateDbContextAsync();
        var rating = await db.AnswerFeedback.AsNoTracking().SingleAsync();
        return (rating.Helpful, rating.Reason);
    }
}
