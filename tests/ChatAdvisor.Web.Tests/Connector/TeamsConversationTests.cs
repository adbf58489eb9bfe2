using System.Net;
using System.Text.Json.Nodes;
using ChatAdvisor.Web.Bot;
using ChatAdvisor.Web.Tests.Bot;
using ChatAdvisor.Web.Tests.CvUpload;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Web.Tests.Connector;

/// <summary>
/// Teams conversations end to end through <c>/api/messages</c> on the real host, every reply read back from the
/// loopback connector: the tenant allow-list, group chats, installation and the CV dialog with a Teams file.
/// </summary>
public sealed class TeamsConversationTests(BotServiceFixture bot) : IClassFixture<BotServiceFixture>, IAsyncLifetime
{
    private const string Question = "What does an MLOps engineer do?";

    private ConnectorSink _sink = null!;

    public async Task InitializeAsync() => _sink = await ConnectorSink.StartAsync();

    public async Task DisposeAsync() => await _sink.DisposeAsync();

    [Fact]
    public async Task MessageFromATenantNotOnTheListGetsAPoliteRefusalAndNothingIsStored()
    {
        var chat = new TeamsWireChat(_sink.ServiceUrl, tenantId: BotServiceFixture.OtherTenant);
        var message = chat.Message(Question);

        using var response = await bot.PostAsync(message, bot.ChannelToken(_sink.ServiceUrl, change: d => d.Claims["tid"] = BotServiceFixture.OtherTenant));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The refusal is sent before the request is answered, and no turn runs for it.
        await _sink.AssertPostCountWhenIdleAsync(bot.App, 1);
        var refusal = Assert.Single(_sink.Posts());
        Assert.Equal(BotMessages.TenantNotAllowed, refusal.Text());
        Assert.Equal($"/amer/v3/conversations/{Uri.EscapeDataString(chat.Id)}/activities/{message["id"]}", refusal.PathAndQuery);
        Assert.Equal(chat.UserId, refusal.Json()["recipient"]?["id"]?.GetValue<string>());
        Assert.False(await bot.StoredAnythingAboutAsync(chat.Id), "The refused tenant's conversation was stored.");
    }

    [Fact]
    public async Task InvokeFromATenantNotOnTheListIsForbiddenAndNothingIsStored()
    {
        var chat = new TeamsWireChat(_sink.ServiceUrl, tenantId: BotServiceFixture.OtherTenant);

        using var response = await bot.PostAsync(chat.Feedback("1712000000001", "like", null));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await _sink.AssertPostCountWhenIdleAsync(bot.App, 0);
        Assert.False(await bot.StoredAnythingAboutAsync(chat.Id));
        Assert.False(await bot.QueryAsync(db => db.AnswerFeedback.AnyAsync(f => f.ConversationId == chat.Id)));
    }

    [Fact]
    public async Task InAGroupChatOnlyAMessageMentioningTheBotIsAnsweredWithTheMentionRemoved()
    {
        var chat = new TeamsWireChat(_sink.ServiceUrl, conversationType: "groupChat");
        var unmentioned = chat.Message(Question);
        var mentioned = chat.Message($"<at>{TeamsWireChat.BotName}</at> {Question}", mentionBot: true);

        using (var first = await bot.PostAsync(unmentioned))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        using (var second = await bot.PostAsync(mentioned))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        // Both turns are finished: the first was not answered at all.
        await _sink.AssertPostCountWhenIdleAsync(bot.App, 1);
        var answer = Assert.Single(_sink.Posts());
        Assert.Equal(mentioned["id"]!.GetValue<string>(), answer.Json()["replyToId"]?.GetValue<string>());
        Assert.DoesNotContain("<at>", answer.Text(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("[1]", answer.Text(), StringComparison.Ordinal);

        // The same answer as to the bare question in a personal chat: the mention did not reach the advisor.
        var personal = new TeamsWireChat(_sink.ServiceUrl);
        var bare = personal.Message(Question);
        (await bot.PostAsync(bare)).Dispose();
        var personalAnswer = Assert.Single(await _sink.WaitForRepliesToAsync(bare["id"]!.GetValue<string>()));
        Assert.Equal(personalAnswer.Text(), answer.Text());
    }

    [Fact]
    public async Task InstallingTheBotInAPersonalChatWelcomesOnceForBothEvents()
    {
        var chat = new TeamsWireChat(_sink.ServiceUrl);

        // Teams sends both on installation (see the Teams bot activities documentation).
        using (var added = await bot.PostAsync(chat.BotAdded()))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }
        using (var installed = await bot.PostAsync(chat.InstallationUpdate("add")))
        {
            Assert.Equal(HttpStatusCode.OK, installed.StatusCode);
        }
        // A message after both: once every turn has finished, both events have been handled.
        var help = chat.Message("help");
        (await bot.PostAsync(help)).Dispose();

        await _sink.AssertPostCountWhenIdleAsync(bot.App, 2);
        Assert.Single(_sink.RepliesTo(help["id"]!.GetValue<string>()));
        var welcome = Assert.Single(_sink.Posts(r => r.Text().Contains("ChatAdvisor, an AI assistant", StringComparison.Ordinal)));
        Assert.Equal(chat.Id, welcome.Json()["conversation"]?["id"]?.GetValue<string>());
        Assert.Contains(welcome.Json()["entities"]!.AsArray(), e => e?["additionalType"]?.AsArray().Any(t => t?.GetValue<string>() == "AIGeneratedContent") == true);
    }

    [Fact]
    public async Task TeamsUserAppliesInAPersonalChatWithAFileFromOneDrive()
    {
        var cv = SamplePdf.Create("Grace Hopper");
        await using var oneDrive = await LoopbackServer.StartAsync(address: IPAddress.Loopback, map: app =>
            app.MapGet("/download/cv.pdf", () => Results.Bytes(cv, "application/pdf")));
        var chat = new TeamsWireChat(_sink.ServiceUrl);
        var dialog = new Dialog(bot, _sink, chat);

        var consent = await dialog.SayAsync("I want to apply");
        Assert.Contains("notice version", consent.Text(), StringComparison.Ordinal);
        var talentPool = await dialog.SayAsync(Choice(consent, "I agree"));
        Assert.Contains("talent pool", talentPool.Text(), StringComparison.Ordinal);
        var name = await dialog.SayAsync(Choice(talentPool, "Yes, keep me in mind"));
        Assert.Contains("What's your full name?", name.Text(), StringComparison.Ordinal);
        var email = await dialog.SayAsync("Grace Hopper");
        Assert.Contains("Which email address", email.Text(), StringComparison.Ordinal);
        var roles = await dialog.SayAsync("grace.hopper@example.com");
        Assert.Contains("Which role or roles", roles.Text(), StringComparison.Ordinal);
        var location = await dialog.SayAsync(Choice(roles, "Both"));
        Assert.Contains("Where are you based", location.Text(), StringComparison.Ordinal);
        var notice = await dialog.SayAsync(Choice(location, "Skip"));
        Assert.Contains("notice period", notice.Text(), StringComparison.Ordinal);
        var filePrompt = await dialog.SayAsync(Choice(notice, "3 months"));
        Assert.Contains("Please attach your CV", filePrompt.Text(), StringComparison.Ordinal);
        Assert.Empty(oneDrive.Requests);

        var received = await dialog.SayAsync("", replies: 2, TeamsWireChat.FileDownloadInfo($"{oneDrive.BaseAddress}/download/cv.pdf", "cv.pdf"));
        Assert.Contains("Thanks, I've got **cv.pdf**", received[0].Text(), StringComparison.Ordinal);
        var summary = received[1];
        Assert.Contains("Here's what I'll send", summary.Text(), StringComparison.Ordinal);
        Assert.Contains("- **Name:** Grace Hopper", summary.Text(), StringComparison.Ordinal);
        Assert.Contains("- **CV:** cv.pdf", summary.Text(), StringComparison.Ordinal);
        Assert.Equal(1, oneDrive.CountOf("/download/cv.pdf"));

        var confirmation = await dialog.SayAsync(Choice(summary, "Confirm and send"));
        var parsed = CvConfirmation.Parse(confirmation.Text());
        var reference = parsed.Reference;
        Assert.NotEmpty(parsed.SecretCode);

        var submission = await bot.QueryAsync(db => db.CvSubmissions.AsNoTracking().SingleAsync(s => s.Reference == reference));
        Assert.Equal("msteams", submission.ChannelId);
        Assert.Equal(chat.Id, submission.ConversationId);
        Assert.Equal("Grace Hopper", submission.Name);
        Assert.Equal("grace.hopper@example.com", submission.Email);
        Assert.Equal("MLOps Engineer, Machine Learning Engineer", submission.Roles);
        Assert.Equal("3 months", submission.NoticePeriod);
        Assert.True(submission.TalentPool);
        Assert.Equal("cv.pdf", submission.FileName);
        Assert.Equal(cv.Length, submission.FileSize);
        // Every reply went out through the connector as a reply to the message it answers, and nothing else.
        await _sink.AssertPostCountWhenIdleAsync(bot.App, dialog.Replies);
        Assert.Equal(1, oneDrive.CountOf("/download/cv.pdf"));
    }

    /// <summary>The title of the suggested action <paramref name="title"/> on <paramref name="prompt"/>, failing when it is not offered.</summary>
    private static string Choice(RecordedRequest prompt, string title)
    {
        var offered = prompt.Json()["suggestedActions"]?["actions"]?.AsArray().Select(a => a?["title"]?.GetValue<string>()).ToList() ?? [];
        Assert.Contains(title, offered);
        var action = prompt.Json()["suggestedActions"]!["actions"]!.AsArray().First(a => a?["title"]?.GetValue<string>() == title)!;
        Assert.Equal("imBack", action["type"]?.GetValue<string>());
        // An imBack button sends its value as the user's message.
        return action["value"]?.GetValue<string>() ?? title;
    }

    /// <summary>Drives a conversation through /api/messages and reads the bot's replies to each message from the connector.</summary>
    private sealed class Dialog(BotServiceFixture bot, ConnectorSink sink, TeamsWireChat chat)
    {
        public int Replies { get; private set; }

        public async Task<RecordedRequest> SayAsync(string text) => (await SayAsync(text, replies: 1))[0];

        public async Task<IReadOnlyList<RecordedRequest>> SayAsync(string text, int replies, params JsonObject[] files)
        {
            var message = chat.Message(text, mentionBot: false, files);
            using (var response = await bot.PostAsync(message))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
            var id = message["id"]!.GetValue<string>();
            var received = await sink.WaitForRepliesToAsync(id, replies);
            Replies += replies;
            Assert.True(received.Count == replies, $"Expected {replies} replies to \"{text}\", got {received.Count}: {string.Join(" | ", received.Select(r => r.Text()))}");
            Assert.All(received, r => Assert.EndsWith($"/activities/{id}", r.PathAndQuery, StringComparison.Ordinal));
            return received;
        }
    }
}
