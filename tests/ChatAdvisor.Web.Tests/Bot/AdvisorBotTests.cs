using System.Text.Json.Nodes;
using ChatAdvisor.Data;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.Bot;

public sealed class AdvisorBotTests(ChatAdvisorAppFixture fixture) : IClassFixture<ChatAdvisorAppFixture>
{
    [Fact]
    public async Task WelcomeSaysItIsAnAiAssistantAndOffersQuestions()
    {
        var client = await DirectLineClient.StartAsync(fixture.App.CreateClient());
        var welcome = await client.WaitForAsync(a => a["from"]?["role"]?.GetValue<string>() == "bot");

        Assert.Contains("AI assistant", DirectLineClient.Text(welcome), StringComparison.Ordinal);
        Assert.Null(welcome["replyToId"]);
        Assert.NotEmpty(welcome["suggestedActions"]!["actions"]!.AsArray());
        Assert.Contains(welcome["entities"]!.AsArray(), e => IsAiMessage(e!.AsObject()));
    }

    [Fact]
    public async Task AnswerCitesItsGuideSectionForWebChatAndTeams()
    {
        var client = await DirectLineClient.StartAsync(fixture.App.CreateClient());
        var reply = await client.AskAsync("What does an MLOps engineer do?");
        var text = DirectLineClient.Text(reply);

        Assert.Contains("[1]", text, StringComparison.Ordinal);
        Assert.Contains("[1]: cite:1 \"MLOps Engineer role guide", text, StringComparison.Ordinal);
        var message = reply["entities"]!.AsArray().Select(e => e!.AsObject()).Single(IsAiMessage);
        var claim = message["citation"]!.AsArray().Single()!.AsObject();
        Assert.Equal(1, claim["position"]!.GetValue<int>());
        Assert.StartsWith("MLOps Engineer role guide", claim["appearance"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(claim["appearance"]!["abstract"]!.GetValue<string>().Length <= 160);
        Assert.Equal("markdown", reply["textFormat"]!.GetValue<string>());
        Assert.InRange(reply["suggestedActions"]!["actions"]!.AsArray().Count, 2, 3);
    }

    [Fact]
    public async Task FollowUpQuestionUsesTheRoleFromEarlierInTheConversation()
    {
        var client = await DirectLineClient.StartAsync(fixture.App.CreateClient());
        await client.AskAsync("Tell me about MLOps engineers");
        var reply = await client.AskAsync("what about their salary?");

        Assert.Contains("€", DirectLineClient.Text(reply), StringComparison.Ordinal);
        Assert.Contains("MLOps Engineer role guide", DirectLineClient.Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionOutsideTheGuidesIsDeclinedWithoutACitation()
    {
        var client = await DirectLineClient.StartAsync(fixture.App.CreateClient());
        var reply = await client.AskAsync("What's the weather like in Paris tomorrow?");
        var text = DirectLineClient.Text(reply);

        Assert.Contains("don't cover", text, StringComparison.Ordinal);
        Assert.DoesNotContain("cite:", text, StringComparison.Ordinal);
        Assert.Contains("recruiter", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTranscriptRecordsEachAnswersModeConfidenceAndCitations()
    {
        var client = await DirectLineClient.StartAsync(fixture.App.CreateClient());
        var answered = (await client.AskAsync("What skills does an MLOps engineer need?"))["id"]!.GetValue<string>();
        var declined = (await client.AskAsync("What's the weather in Paris?"))["id"]!.GetValue<string>();

        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<ChatAdvisorDb>>().CreateDbContextAsync();
        var rows = await db.TranscriptActivities.Where(a => a.ConversationId == client.ConversationId).ToListAsync();
        var answer = rows.Single(r => r.ActivityId == answered);
        Assert.Equal("extractive", answer.AnswerMode);
        Assert.InRange(answer.AnswerConfidence!.Value, 0.5, 1.0);
        Assert.Equal("[\"mlops-engineer#skills\"]", answer.AnswerCitations);
        Assert.Equal("declined", rows.Single(r => r.ActivityId == declined).AnswerMode);
        Assert.All(rows.Where(r => r.FromRole == "user"), r => Assert.Null(r.AnswerMode));
    }

    private static bool IsAiMessage(JsonObject entity) =>
        entity["type"]?.GetValue<string>() == "https://schema.org/Message"
        && entity["additionalType"]!.AsArray().Any(t => t!.GetValue<string>() == "AIGeneratedContent");
}
