using System.Text.Json.Nodes;
using ChatAdvisor.Data;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.Bot;

/// <summary>Visitors rate answers with Web Chat's thumbs; a "not helpful" vote may carry a reason.</summary>
public sealed class FeedbackTests(ChatAdvisorAppFixture fixture) : IClassFixture<ChatAdvisorAppFixture>
{
    [Fact]
    public async Task NotHelpfulWithAReasonThenHelpfulIsRecordedAgainstTheRatedAnswer()
    {
        var http = fixture.App.CreateClient();
        var client = await DirectLineClient.StartAsync(http);
        var answer = await client.AskAsync("What does an MLOps engineer do?");
        var actions = answer["entities"]!.AsArray().Single(e => e!["potentialAction"] is not null)!["potentialAction"]!.AsArray();
        Assert.Equal(["LikeAction", "DislikeAction"], actions.Select(a => a!["@type"]!.GetValue<string>()));

        await SendVoteAsync(http, client, actions[1]!);
        var question = await client.WaitForBotAsync(t => t.Contains("what was wrong", StringComparison.Ordinal));
        Assert.Equal(3, question["suggestedActions"]!["actions"]!.AsArray().Count);
        await client.SayAndWaitAsync("Information was missing", "passed that on");
        var afterReason = await RatingAsync(client.ConversationId);
        Assert.Equal((answer["id"]!.GetValue<string>(), false, "Information was missing"), afterReason);

        await SendVoteAsync(http, client, actions[0]!);
        await fixture.App.TurnsFinishedAsync();
        var afterLike = await RatingAsync(client.ConversationId);
        Assert.Equal((answer["id"]!.GetValue<string>(), true, (string?)null), afterLike);
    }

    [Fact]
    public async Task AfterNotHelpfulATypedReasonIsStoredButANewQuestionIsAnswered()
    {
        var http = fixture.App.CreateClient();
        var client = await DirectLineClient.StartAsync(http);
        var answer = await client.AskAsync("What does an MLOps engineer do?");
        var dislike = answer["entities"]!.AsArray().Single(e => e!["potentialAction"] is not null)!["potentialAction"]![1]!;

        await SendVoteAsync(http, client, dislike);
        await client.WaitForBotAsync(t => t.Contains("what was wrong", StringComparison.Ordinal));
        await client.SayAndWaitAsync("Too general, I wanted the tools they use", "passed that on");
        Assert.Equal("Too general, I wanted the tools they use", (await RatingAsync(client.ConversationId)).Reason);

        var second = await DirectLineClient.StartAsync(http);
        var secondAnswer = await second.AskAsync("What does an MLOps engineer do?");
        await SendVoteAsync(http, second, secondAnswer["entities"]!.AsArray().Single(e => e!["potentialAction"] is not null)!["potentialAction"]![1]!);
        await second.WaitForBotAsync(t => t.Contains("what was wrong", StringComparison.Ordinal));
        var reply = await second.AskAsync("What skills does an MLOps engineer need?");
        Assert.NotNull(reply["entities"]!.AsArray().SingleOrDefault(e => e!["potentialAction"] is not null));
        Assert.Null((await RatingAsync(second.ConversationId)).Reason);
    }

    [Theory]
    [InlineData("Information was missing", true)]
    [InlineData("too vague", true)]
    [InlineData("It didn't mention the salary in Germany", true)]
    [InlineData("What skills does an MLOps engineer need?", false)]
    [InlineData("how much do they earn", false)]
    [InlineData("and in Germany", false)]
    [InlineData("I want to apply", false)]
    [InlineData("delete my data", false)]
    [InlineData("", false)]
    public void ATypedReasonIsAnythingButAQuestionOrARequest(string text, bool isReason) =>
        Assert.Equal(isReason, ChatAdvisor.Web.Bot.FeedbackHandler.IsReason(text));

    [Fact]
    public async Task AVoteForAnAnswerOfAnotherConversationIsIgnored()
    {
        var http = fixture.App.CreateClient();
        var owner = await DirectLineClient.StartAsync(http);
        var answer = await owner.AskAsync("What does an MLOps engineer do?");
        var like = answer["entities"]!.AsArray().Single(e => e!["potentialAction"] is not null)!["potentialAction"]![0]!;
        var other = await DirectLineClient.StartAsync(http);

        await SendVoteAsync(http, other, like);
        await other.SayAndWaitAsync("hello", "AI assistant");

        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<ChatAdvisorDb>>().CreateDbContextAsync();
        Assert.False(await db.AnswerFeedback.AnyAsync(f => f.ConversationId == other.ConversationId || f.ConversationId == owner.ConversationId));
    }

    private static async Task SendVoteAsync(HttpClient http, DirectLineClient client, JsonNode action)
    {
        using var request = client.Request(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities", new JsonObject
        {
            ["type"] = "event",
            ["name"] = "webchat:activity-status/feedback",
            ["entities"] = new JsonArray(action.DeepClone()),
        });
        (await http.SendAsync(request)).EnsureSuccessStatusCode();
    }

    private async Task<(string AnswerId, bool Helpful, string? Reason)> RatingAsync(string conversationId)
    {
        await using var db = await fixture.App.Services.GetRequiredService<IDbContextFactory<ChatAdvisorDb>>().CreateDbContextAsync();
        var rating = await db.AnswerFeedback.SingleAsync(f => f.ConversationId == conversationId);
        return (rating.AnswerActivityId, rating.Helpful, rating.Reason);
    }
}
