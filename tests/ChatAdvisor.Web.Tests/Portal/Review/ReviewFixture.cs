using ChatAdvisor.Conversations;
using ChatAdvisor.Data;
using ChatAdvisor.Web.Portal;
using ChatAdvisor.Web.Tests.CvUpload;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.Portal.Review;

[CollectionDefinition(Name)]
public sealed class ReviewTestGroup : ICollectionFixture<ReviewFixture>
{
    public const string Name = "Portal review";
}

/// <summary>
/// One host with two conversations driven through Direct Line: <see cref="WithCv"/> asks about MLOps and applies
/// with a PDF (<see cref="Reference"/>); <see cref="Unanswered"/> asks about a word no guide holds. A recruiter is
/// signed in with two factors in <see cref="Recruiter"/>.
/// </summary>
public sealed class ReviewFixture : IAsyncLifetime
{
    public const string UnansweredWord = "Zanzibar";

    public ChatAdvisorApp App { get; } = new();

    public string WithCv { get; private set; } = "";

    public string Reference { get; private set; } = "";

    public string Unanswered { get; private set; } = "";

    public PortalSession Recruiter { get; private set; } = null!;

    public static byte[] CvBytes => CvSamplesForChat.Pdf;

    public async Task InitializeAsync()
    {
        var http = App.CreateClient();
        var applicant = await DirectLineClient.StartAsync(http);
        await applicant.AskAsync("What does an MLOps engineer do?");
        Reference = (await DirectLineApplication.ApplyAsync(applicant, "my cv (final).pdf")).Reference;
        WithCv = applicant.ConversationId;

        await RateFirstAnswerAsync(WithCv, "Too <vague>");

        var visitor = await DirectLineClient.StartAsync(http);
        await visitor.AskAsync($"Do you have offices in {UnansweredWord}?");
        Unanswered = visitor.ConversationId;

        var account = await PortalAccount.CreateRecruiterAsync(App);
        Recruiter = new PortalSession(App);
        await Recruiter.EnrolAsync(account);
    }

    public Task DisposeAsync()
    {
        Recruiter.Dispose();
        App.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Stores a "not helpful" rating of the conversation's first answer, as the feedback buttons would.</summary>
    private async Task RateFirstAnswerAsync(string conversationId, string reason)
    {
        await using var db = await App.Services.GetRequiredService<IDbContextFactory<ChatAdvisorDb>>().CreateDbContextAsync();
        var answer = await db.TranscriptActivities.Where(a => a.ConversationId == conversationId && a.AnswerMode != null)
            .OrderBy(a => a.Sequence).Select(a => a.ActivityId).FirstAsync();
        db.AnswerFeedback.Add(new AnswerFeedback
        {
            ConversationId = conversationId, AnswerActivityId = answer, Helpful = false, Reason = reason, ChannelId = "directline", CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>The audit rows with <paramref name="action"/>, oldest first.</summary>
    public async Task<List<PortalAuditEntry>> AuditAsync(string action)
    {
        var factory = App.Services.GetRequiredService<IDbContextFactory<PortalDb>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Posts a form as <paramref name="session"/> would after loading <paramref name="pagePath"/> (see <see cref="PortalSession.PostFormAsync(string, string, IEnumerable{KeyValuePair{string, string}})"/>).</summary>
    public static async Task<HttpResponseMessage> PostAsync(PortalSession session, string pagePath, string postPath, IEnumerable<KeyValuePair<string, string>> fields) =>
        (await session.PostFormAsync(pagePath, postPath, fields)).Response;

    public static string TranscriptPath(string id) => "/portal/conversations/" + Uri.EscapeDataString(id);
}
