using System.Net.Http.Headers;
using ChatAdvisor.Web.Tests.Infrastructure;

namespace ChatAdvisor.Web.Tests.Bot;

/// <summary>A visitor in their own language over Direct Line: welcome, answers, declines and hand-offs, and switching.</summary>
public sealed class LanguageConversationTests : IClassFixture<ChatAdvisorAppFixture>
{
    private readonly ChatAdvisorApp _app;

    public LanguageConversationTests(ChatAdvisorAppFixture fixture) => _app = fixture.App;

    private async Task<DirectLineClient> StartAsync(string acceptLanguage)
    {
        var http = _app.CreateClient();
        http.DefaultRequestHeaders.AcceptLanguage.Add(StringWithQualityHeaderValue.Parse(acceptLanguage));
        return await DirectLineClient.StartAsync(http);
    }

    [Fact]
    public async Task AGermanBrowserIsWelcomedAndAnsweredInGermanFromTheGermanGuide()
    {
        var visitor = await StartAsync("de-DE");
        var welcome = DirectLineClient.Text(await visitor.WaitForBotAsync(t => t.Contains("ChatAdvisor", StringComparison.Ordinal)));
        Assert.Contains("KI-Assistent", welcome, StringComparison.Ordinal);

        var reply = await visitor.AskAsync("Welche Fähigkeiten braucht ein Machine Learning Engineer?");
        var text = DirectLineClient.Text(reply);
        Assert.Contains("[1]", text, StringComparison.Ordinal);
        Assert.Equal("de", reply["locale"]?.GetValue<string>());
        // Cited by the section id every language shares, titled as the German guide titles it.
        Assert.Contains("Berufsbild", text, StringComparison.Ordinal);
        Assert.Contains(reply["suggestedActions"]!["actions"]!.AsArray(), a => a!["title"]!.GetValue<string>() == "Lebenslauf senden" || a["title"]!.GetValue<string>() == "Mehr erfahren");
    }

    [Fact]
    public async Task AQuestionTheGuidesDoNotCoverIsDeclinedInTheVisitorsLanguage()
    {
        var visitor = await StartAsync("fr-FR");
        await visitor.WaitForBotAsync(t => t.Contains("ChatAdvisor", StringComparison.Ordinal));
        var reply = DirectLineClient.Text(await visitor.AskAsync("Quel temps fera-t-il demain à Lyon pour mon pique-nique ?"));
        Assert.DoesNotContain("won't guess", reply, StringComparison.Ordinal);
        Assert.Contains("recruteur", reply, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AVisitorSwitchesLanguageByAskingAndTheNextAnswersFollow()
    {
        var visitor = await StartAsync("en-GB");
        var welcome = DirectLineClient.Text(await visitor.WaitForBotAsync(t => t.Contains("ChatAdvisor", StringComparison.Ordinal)));
        Assert.Contains("AI assistant", welcome, StringComparison.Ordinal);

        var switched = DirectLineClient.Text(await visitor.AskAsync("auf Deutsch bitte"));
        Assert.Contains("Deutsch", switched, StringComparison.Ordinal);
        Assert.DoesNotContain("[1]", switched, StringComparison.Ordinal);
        // A short message that says nothing about its language keeps the conversation's.
        var german = await visitor.AskAsync("Gehalt MLOps Engineer Deutschland?");
        Assert.Equal("de", german["locale"]?.GetValue<string>());

        var back = await visitor.AskAsync("in English please");
        Assert.Contains("English", DirectLineClient.Text(back), StringComparison.Ordinal);
        var english = await visitor.AskAsync("What does an MLOps engineer do?");
        Assert.Equal("en", english["locale"]?.GetValue<string>());
        Assert.Contains("[1]", DirectLineClient.Text(english), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJobSearchInDutchSaysThereAreNoListingsInDutch()
    {
        var visitor = await StartAsync("nl-NL");
        await visitor.WaitForBotAsync(t => t.Contains("ChatAdvisor", StringComparison.Ordinal));
        var reply = await visitor.AskAsync("Hebben jullie vacatures voor MLOps engineers in Amsterdam?");
        var text = DirectLineClient.Text(reply);
        Assert.DoesNotContain("I don't have job listings", text, StringComparison.Ordinal);
        Assert.Equal("nl", reply["locale"]?.GetValue<string>());
    }
}
