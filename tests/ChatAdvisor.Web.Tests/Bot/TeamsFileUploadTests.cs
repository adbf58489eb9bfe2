using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatAdvisor.Conversations;
using ChatAdvisor.Cvs;
using ChatAdvisor.Data;
using ChatAdvisor.Web.Bot;
using ChatAdvisor.Web.Bot.Protocol;
using ChatAdvisor.Web.Channels.BotFramework;
using ChatAdvisor.Web.Channels.BotFramework.Teams;
using ChatAdvisor.Web.Tests.Connector;
using ChatAdvisor.Web.Tests.CvUpload;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.Bot;

/// <summary>
/// The CV dialog as Microsoft Teams drives it: personal-chat activities from a Teams user, a text/html copy of every
/// message, and the CV arriving as a <c>file.download.info</c> link that the bot fetches itself. The turns go straight
/// to <see cref="AdvisorBot"/>; a local web server stands in for SharePoint and counts what reaches it.
/// </summary>
public sealed partial class TeamsFileUploadTests : IAsyncLifetime
{
    private const string TeamsServiceUrl = "https://smba.trafficmanager.net/emea/";
    private const string CvStoreFolderName = "cv-store";
    private const int SmallLimit = 20_000;
    private const string UntrustedLink = "I can't fetch that file from where it was sent";
    private const string FilePrompt = "Please attach your CV";

    private static readonly byte[] s_cv = SamplePdf.Create("Grace Hopper");
    private static readonly byte[] s_bigCv = SamplePdf.Create("Grace Hopper", minimumBytes: 60_000);

    private readonly List<ChatAdvisorApp> _apps = [];
    private LoopbackServer _sharePoint = null!;
    private LoopbackServer _elsewhere = null!;

    public async Task InitializeAsync()
    {
        Assert.True(s_cv.Length < SmallLimit, "The sample CV must fit the small limit.");
        Assert.True(s_bigCv.Length > 3 * SmallLimit, "The big CV must exceed the small limit.");
        // The trusted host (127.0.0.1 is configured as a download host).
        _sharePoint = await LoopbackServer.StartAsync(address: IPAddress.Loopback, map: app =>
        {
            app.MapGet("/files/cv.pdf", () => Results.Bytes(s_cv, "application/pdf"));
            app.MapGet("/files/big.pdf", () => Results.Bytes(s_bigCv, "application/pdf"));
            // Same bytes without a Content-Length: the size is only known while reading.
            app.MapGet("/files/big-chunked.pdf", async (HttpContext context) =>
            {
                context.Response.ContentType = "application/pdf";
                foreach (var chunk in s_bigCv.Chunk(4096))
                {
                    await context.Response.Body.WriteAsync(chunk);
                    await context.Response.Body.FlushAsync();
                }
            });
            app.MapGet("/files/moved.pdf", () => Results.Redirect($"{_elsewhere.BaseAddress}/files/cv.pdf"));
        });
        // A host that is not on the list: another loopback address, so a request to it would be seen here.
        _elsewhere = await LoopbackServer.StartAsync(address: IPAddress.Parse("127.0.0.2"), map: app =>
            app.MapGet("/files/cv.pdf", () => Results.Bytes(s_cv, "application/pdf")));
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps)
        {
            app.Dispose();
        }
        await _sharePoint.DisposeAsync();
        await _elsewhere.DisposeAsync();
    }

    [Fact]
    public async Task TeamsUserAppliesAndTheCVIsFetchedFromTheTrustedDownloadLinkAndStored()
    {
        var app = CreateApp();
        var chat = new TeamsChat(app);

        // Teams copies every message into a text/html attachment: that is not a file sent before consent.
        var consent = await chat.SayAsync("I want to apply");
        var notice = Assert.Single(consent);
        Assert.Contains("notice version", notice.Text, StringComparison.Ordinal);
        Assert.Equal(["I agree", "No, thanks"], Choices(notice));
        AssertAddressedTo(chat, notice);

        AssertPrompt(await chat.SayAsync("I agree"), "talent pool", "Yes, keep me in mind", "No, just this application");
        AssertPrompt(await chat.SayAsync("Yes, keep me in mind"), "What's your full name?");
        AssertPrompt(await chat.SayAsync("Grace Hopper"), "Which email address");
        AssertPrompt(await chat.SayAsync("grace.hopper@example.com"), "Which role or roles", "MLOps Engineer", "Machine Learning Engineer", "Both");
        AssertPrompt(await chat.SayAsync("Both"), "Where are you based", "Skip");
        AssertPrompt(await chat.SayAsync("Skip"), "notice period", "Available now", "1 month", "3 months", "Skip");
        AssertPrompt(await chat.SayAsync("3 months"), FilePrompt, "Cancel");
        Assert.Empty(_sharePoint.Requests);

        // The file message: the download link plus Teams' usual text/html copy (one file, not two).
        var received = await chat.SayAsync("", TeamsWireChat.FileDownloadInfo($"{_sharePoint.BaseAddress}/files/cv.pdf", "cv.pdf"));
        Assert.Equal(2, received.Count);
        Assert.Contains("Thanks, I've got **cv.pdf** (", received[0].Text, StringComparison.Ordinal);
        var summary = received[1];
        Assert.Contains("Here's what I'll send", summary.Text, StringComparison.Ordinal);
        Assert.Contains("- **Name:** Grace Hopper", summary.Text, StringComparison.Ordinal);
        Assert.Contains("- **Email:** grace.hopper@example.com", summary.Text, StringComparison.Ordinal);
        Assert.Contains("- **Roles:** MLOps Engineer, Machine Learning Engineer", summary.Text, StringComparison.Ordinal);
        Assert.Contains("- **Location:** not given", summary.Text, StringComparison.Ordinal);
        Assert.Contains("- **Notice period:** 3 months", summary.Text, StringComparison.Ordinal);
        Assert.Contains("- **CV:** cv.pdf", summary.Text, StringComparison.Ordinal);
        Assert.Contains("- **Talent pool:** yes", summary.Text, StringComparison.Ordinal);
        Assert.Equal(["Confirm and send", "Change something", "Cancel"], Choices(summary));
        Assert.Equal(1, _sharePoint.CountOf("/files/cv.pdf"));
        var stored = Assert.Single(StoredFiles(app));
        Assert.Equal(s_cv, await File.ReadAllBytesAsync(stored));

        var confirmation = Assert.Single(await chat.SayAsync("Confirm and send"));
        var parsed = CvConfirmation.Parse(confirmation.Text ?? "");
        var reference = parsed.Reference;
        Assert.NotEmpty(parsed.SecretCode);
        Assert.Contains("Thank you, Grace Hopper!", confirmation.Text, StringComparison.Ordinal);
        AssertAddressedTo(chat, confirmation);

        // The application on record: from Teams, this conversation, this file, with the consent's notice version.
        var submission = await FindSubmissionAsync(app, reference);
        Assert.Equal("msteams", submission.ChannelId);
        Assert.Equal(chat.ConversationId, submission.ConversationId);
        Assert.Equal("Grace Hopper", submission.Name);
        Assert.Equal("grace.hopper@example.com", submission.Email);
        Assert.Equal("MLOps Engineer, Machine Learning Engineer", submission.Roles);
        Assert.Null(submission.Location);
        Assert.Equal("3 months", submission.NoticePeriod);
        Assert.True(submission.TalentPool);
        Assert.Equal("cv.pdf", submission.FileName);
        Assert.Equal("Pdf", submission.FileType);
        Assert.Equal(s_cv.Length, submission.FileSize);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(s_cv)).ToLowerInvariant(), submission.FileSha256);
        Assert.Equal(Path.GetFileName(stored), submission.StorageKey);
        Assert.Contains($"notice version {submission.NoticeVersion})", notice.Text, StringComparison.Ordinal);
        Assert.Single(StoredFiles(app));
        Assert.Equal(1, _sharePoint.CountOf("/files/cv.pdf"));
        Assert.Empty(_elsewhere.Requests);
        Assert.Null((await chat.StateAsync()).CvDialog);
    }

    [Fact]
    public async Task DownloadLinksToHostsThatAreNotTrustedAreRefusedWithoutAnyRequest()
    {
        var app = CreateApp();
        var chat = new TeamsChat(app);
        await chat.AdvanceToFileStepAsync();
        var port = new Uri(_sharePoint.BaseAddress).Port;
        string[] links =
        [
            $"{_elsewhere.BaseAddress}/files/cv.pdf",                   // another host, same kind of URL
            $"http://localhost:{port}/files/cv.pdf",                     // the trusted server under a name not on the list
            $"http://127.0.0.1@127.0.0.2:{new Uri(_elsewhere.BaseAddress).Port}/files/cv.pdf", // user info that looks like the trusted host
            "https://evil.example/files/cv.pdf",                         // an ordinary outside host
            $"ftp://127.0.0.1:{port}/files/cv.pdf",                      // trusted host, wrong scheme
            "file:///etc/passwd",
            "/files/cv.pdf",                                             // not an absolute URL
        ];

        foreach (var link in links)
        {
            var replies = await chat.SayAsync("", TeamsWireChat.FileDownloadInfo(link, "cv.pdf"));

            Assert.True(replies.Count == 2, $"{link}: {string.Join(" | ", replies.Select(r => r.Text))}");
            Assert.Contains(UntrustedLink, replies[0].Text, StringComparison.Ordinal);
            Assert.Contains(FilePrompt, replies[1].Text, StringComparison.Ordinal);
        }

        Assert.Empty(_sharePoint.Requests);
        Assert.Empty(_elsewhere.Requests);
        Assert.Empty(StoredFiles(app));
        var dialog = (await chat.StateAsync()).CvDialog;
        Assert.Equal(CvDialogStep.File, dialog?.Step);
        Assert.Null(dialog?.File);
    }

    [Fact]
    public async Task TrustedDownloadLinkThatRedirectsToAnUntrustedHostIsNotFollowed()
    {
        var app = CreateApp();
        var chat = new TeamsChat(app);
        await chat.AdvanceToFileStepAsync();

        var replies = await chat.SayAsync("", TeamsWireChat.FileDownloadInfo($"{_sharePoint.BaseAddress}/files/moved.pdf", "cv.pdf"));

        // The allow-list must hold for every hop, not just the first URL.
        var state = await chat.StateAsync();
        Assert.Equal(1, _sharePoint.CountOf("/files/moved.pdf"));
        Assert.Multiple(
            () => Assert.Empty(_elsewhere.Requests),
            () => Assert.Empty(StoredFiles(app)),
            () => Assert.Contains(FilePrompt, replies[^1].Text, StringComparison.Ordinal),
            () => Assert.Equal(CvDialogStep.File, state.CvDialog?.Step));
    }

    [Fact]
    public async Task TeamsFileOverTheSizeLimitIsRefusedWithAClearMessageAndNothingIsStored()
    {
        var app = CreateApp(maxFileBytes: SmallLimit);
        var chat = new TeamsChat(app);
        await chat.AdvanceToFileStepAsync();

        // Refused on the Content-Length header, and (for a chunked reply) while reading.
        foreach (var path in (string[])["/files/big.pdf", "/files/big-chunked.pdf"])
        {
            var replies = await chat.SayAsync("", TeamsWireChat.FileDownloadInfo(_sharePoint.BaseAddress + path, "big.pdf"));

            Assert.True(replies.Count == 2, $"{path}: {string.Join(" | ", replies.Select(r => r.Text))}");
            Assert.Contains("larger than", replies[0].Text, StringComparison.Ordinal);
            Assert.Contains("smaller", replies[0].Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Thanks, I've got", replies[0].Text, StringComparison.Ordinal);
            Assert.Contains(FilePrompt, replies[1].Text, StringComparison.Ordinal);
            Assert.Equal(1, _sharePoint.CountOf(path));
            Assert.Empty(StoredFiles(app));
            Assert.Equal(CvDialogStep.File, (await chat.StateAsync()).CvDialog?.Step);
        }
        Assert.Null((await chat.StateAsync()).CvDialog?.File);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ChatAdvisorDb>>().CreateDbContextAsync())
        {
            Assert.Empty(await db.CvSubmissions.ToListAsync());
        }

        // The dialog is still waiting: a file within the limit goes through.
        var accepted = await chat.SayAsync("", TeamsWireChat.FileDownloadInfo($"{_sharePoint.BaseAddress}/files/cv.pdf", "cv.pdf"));
        Assert.Contains("Here's what I'll send", accepted[^1].Text, StringComparison.Ordinal);
        Assert.Single(StoredFiles(app));
    }

    [Fact]
    public async Task SizeLimitUnderOneMegabyteIsStatedTruthfullyInThePromptAndTheRefusal()
    {
        var app = CreateApp(maxFileBytes: SmallLimit);
        var chat = new TeamsChat(app);
        var prompt = await chat.AdvanceToFileStepAsync();

        var refusal = await chat.SayAsync("", TeamsWireChat.FileDownloadInfo($"{_sharePoint.BaseAddress}/files/big.pdf", "big.pdf"));

        // 20000 bytes is about 19.5 KB: neither message may tell the candidate the limit is 0 MB.
        Assert.Multiple(
            () => Assert.DoesNotMatch(ZeroMegabytes(), prompt.Text),
            () => Assert.DoesNotMatch(ZeroMegabytes(), refusal[0].Text),
            () => Assert.Contains("KB", refusal[0].Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TeamsTextHtmlCopiesOfMessagesAreNotTreatedAsFiles()
    {
        var app = CreateApp();
        var chat = new TeamsChat(app);
        await chat.AdvanceToFileStepAsync();

        // A text message at the file step, with only its text/html copy: still waiting for the file.
        var waiting = await chat.SayAsync("Here you go");
        Assert.Equal(2, waiting.Count);
        Assert.Contains("I'm waiting for your CV file", waiting[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(UntrustedLink, string.Join("\n", waiting.Select(r => r.Text)), StringComparison.Ordinal);
        Assert.Contains(FilePrompt, waiting[1].Text, StringComparison.Ordinal);

        // Even an html copy carrying a link (Teams never sends one, but it must not matter) is not a file.
        var withUrl = await chat.SayAsync("Here you go", new JsonObject
        {
            ["contentType"] = "text/html",
            ["contentUrl"] = $"{_sharePoint.BaseAddress}/files/cv.pdf",
            ["content"] = "<p>Here you go</p>",
        });
        Assert.Contains("I'm waiting for your CV file", withUrl[0].Text, StringComparison.Ordinal);
        Assert.Empty(_sharePoint.Requests);
        Assert.Empty(StoredFiles(app));

        // The real file alongside the html copy is taken, once, without an "only one file" note.
        var received = await chat.SayAsync("", TeamsWireChat.FileDownloadInfo($"{_sharePoint.BaseAddress}/files/cv.pdf", "my cv.pdf"));
        Assert.Equal(2, received.Count);
        Assert.Contains("Thanks, I've got **my cv.pdf**", received[0].Text, StringComparison.Ordinal);
        Assert.Equal(1, _sharePoint.CountOf("/files/cv.pdf"));
        Assert.Single(StoredFiles(app));
    }

    [Fact]
    public async Task InAGroupChatTheBotAnswersOnlyWhenMentionedAndSendsApplicantsToAPersonalChat()
    {
        var app = CreateApp();
        var chat = new TeamsChat(app, conversationType: "groupChat");

        var unmentioned = await chat.SayAsync("What does an MLOps engineer do?");
        var mentioned = await chat.SayAsync("<at>ChatAdvisor</at> What does an MLOps engineer do?", mentionBot: true);
        var apply = await chat.SayAsync("<at>ChatAdvisor</at> I want to apply", mentionBot: true);

        Assert.Empty(unmentioned);
        var answer = Assert.Single(mentioned);
        Assert.Contains("[1]", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("cite:", answer.Text, StringComparison.Ordinal);
        var claim = answer.Entities!.Single(e => e["citation"] is not null)["citation"]![0]!;
        Assert.StartsWith("MLOps Engineer role guide", claim["appearance"]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("personal chat", Assert.Single(apply).Text, StringComparison.Ordinal);
        Assert.Null((await chat.StateAsync()).CvDialog);
    }

    private ChatAdvisorApp CreateApp(int? maxFileBytes = null)
    {
        var settings = new Dictionary<string, string?> { ["Cvs:Dialog:TrustedDownloadHosts:0"] = "127.0.0.1" };
        if (maxFileBytes is { } limit)
        {
            settings["Cvs:MaxFileBytes"] = limit.ToString(CultureInfo.InvariantCulture);
        }
        ChatAdvisorApp? app = null;
        // The CV store goes inside the app's data folder, which exists only once the app does.
        app = new ChatAdvisorApp(settings, services => services.PostConfigure<CvOptions>(o => o.StoragePath = CvStore(app!)));
        _apps.Add(app);
        var store = Assert.IsType<LocalCvFileStore>(app.Services.GetRequiredService<ICvFileStore>());
        Assert.Equal(CvStore(app), store.Folder);
        return app;
    }

    private static string CvStore(ChatAdvisorApp app) => Path.Combine(app.DataFolder, CvStoreFolderName);

    /// <summary>Complete files in the CV store (a <c>.partial</c> file would also count: nothing may be left over).</summary>
    private static string[] StoredFiles(ChatAdvisorApp app) =>
        Directory.Exists(CvStore(app)) ? Directory.GetFiles(CvStore(app), "*", SearchOption.AllDirectories) : [];

    private static async Task<CvSubmission> FindSubmissionAsync(ChatAdvisorApp app, string reference)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ChatAdvisorDb>>().CreateDbContextAsync();
        return await db.CvSubmissions.AsNoTracking().SingleAsync(s => s.Reference == reference);
    }

    private static string[] Choices(Activity reply) => [.. reply.SuggestedActions?.Actions.Select(a => a.Title) ?? []];

    private static void AssertPrompt(IReadOnlyList<Activity> replies, string text, params string[] choices)
    {
        var reply = Assert.Single(replies);
        Assert.Contains(text, reply.Text, StringComparison.Ordinal);
        Assert.Equal(choices, Choices(reply));
    }

    private static void AssertAddressedTo(TeamsChat chat, Activity reply)
    {
        Assert.Equal("msteams", reply.ChannelId);
        Assert.Equal(TeamsServiceUrl, reply.ServiceUrl);
        Assert.Equal(chat.ConversationId, reply.Conversation?.Id);
        Assert.Equal(chat.UserId, reply.Recipient?.Id);
        Assert.Equal(BotServiceFixture.BotId, reply.From?.Id);
        Assert.Equal(chat.LastActivityId, reply.ReplyToId);
    }

    [GeneratedRegex(@"\b0 MB\b")]
    private static partial Regex ZeroMegabytes();

    /// <summary>
    /// A Teams chat between a user and the bot, its messages built by <see cref="TeamsWireChat"/> as Teams puts them
    /// on the wire, each turn run through the bot's turn handler with the replies collected.
    /// </summary>
    private sealed class TeamsChat(ChatAdvisorApp app, string conversationType = "personal")
    {
        private readonly TeamsWireChat _wire = new(TeamsServiceUrl, conversationType: conversationType);

        public string ConversationId => _wire.Id;

        public string UserId => _wire.UserId;

        public string LastActivityId { get; private set; } = "";

        /// <summary>Sends a message (with Teams' text/html copy of it, and any files) and returns the bot's replies.</summary>
        public Task<IReadOnlyList<Activity>> SayAsync(string text, params JsonObject[] files) => SayAsync(text, mentionBot: false, files);

        public async Task<IReadOnlyList<Activity>> SayAsync(string text, bool mentionBot, params JsonObject[] files)
        {
            var conversations = app.Services.GetRequiredService<ConversationStore>();
            await conversations.EnsureAsync(ConversationId, ChannelIds.Teams, UserId, CancellationToken.None);
            var activity = ActivityJson.Deserialize(_wire.Message(text, mentionBot, files).ToJsonString())!;
            LastActivityId = activity.Id!;
            var replies = new List<Activity>();
            var turn = BotFrameworkChannel.TurnFor(activity, app.Services.GetRequiredService<TeamsFiles>(), (reply, _) =>
            {
                replies.Add(reply);
                return Task.FromResult(RandomNumberGenerator.GetHexString(16, lowercase: true));
            });
            await app.Services.GetRequiredService<AdvisorBot>().OnTurnAsync(turn, CancellationToken.None);
            return replies;
        }

        /// <summary>Consents and answers every question up to the file; returns the request for the file.</summary>
        public async Task<Activity> AdvanceToFileStepAsync()
        {
            IReadOnlyList<Activity> replies = [];
            foreach (var answer in (string[])["I want to apply", "I agree", "No, just this application", "Grace Hopper", "grace.hopper@example.com",
                "MLOps Engineer", "Berlin", "Available now"])
            {
                replies = await SayAsync(answer);
            }
            Assert.Equal(CvDialogStep.File, (await StateAsync()).CvDialog?.Step);
            var prompt = Assert.Single(replies);
            Assert.Contains(FilePrompt, prompt.Text, StringComparison.Ordinal);
            return prompt;
        }

        public async Task<ConversationState> StateAsync() =>
            (await app.Services.GetRequiredService<ConversationStore>().LoadStateAsync(ConversationId, CancellationToken.None)).State;
    }
}
