using ChatAdvisor.Core.Tests.Infrastructure;
using System.Text.Json;
using ChatAdvisor.Review;

namespace ChatAdvisor.Core.Tests.Review;

public abstract class TranscriptViewTests(PortalData data)
{
    [ProviderFact]
    public async Task ActivitiesComeInSequenceWithAnswerDetailsAndRating()
    {
        var detail = await data.Db.Transcripts.GetAsync("conv-1", CancellationToken.None);

        Assert.NotNull(detail);
        Assert.Equal(("conv-1", "directline"), (detail.ConversationId, detail.ChannelId));
        Assert.Equal([1L, 2, 3, 4], detail.Activities.Select(a => a.Sequence));
        Assert.Equal(["message", "message", "event", "message"], detail.Activities.Select(a => a.Type));
        Assert.Equal(["user", "bot", "user", "user"], detail.Activities.Select(a => a.Role));
        Assert.Equal("How much does an MLOps engineer earn?", detail.Activities[0].Text);
        Assert.Equal(PortalData.Utc(3, 1, 9, 1), detail.Activities[1].Timestamp);
        Assert.Equal("conv-1|0000002", detail.Activities[1].ActivityId);

        var answer = detail.Activities[1].Answer;
        Assert.NotNull(answer);
        Assert.Equal(("extractive", 0.85), (answer.Mode, answer.Confidence));
        Assert.Equal(["mlops-engineer#salary"], answer.Citations);
        Assert.True(answer.Feedback!.Helpful);
        Assert.Null(answer.Feedback.Reason);
        Assert.All(detail.Activities.Where(a => a.Role == "user"), a => Assert.Null(a.Answer));
    }

    [ProviderFact]
    public async Task ADeclinedAnswerShowsItsNotHelpfulRatingAndReason()
    {
        var detail = await data.Db.Transcripts.GetAsync("conv-2", CancellationToken.None);

        var answer = detail!.Activities[1].Answer!;
        Assert.Equal("declined", answer.Mode);
        Assert.Empty(answer.Citations);
        Assert.False(answer.Feedback!.Helpful);
        Assert.Equal("I need visa info", answer.Feedback.Reason);
        Assert.Empty(detail.Submissions);
    }

    [ProviderFact]
    public async Task TheLinkedApplicationIsSummarisedWithoutItsSecret()
    {
        var detail = await data.Db.Transcripts.GetAsync("conv-1", CancellationToken.None);

        var cv = Assert.Single(detail!.Submissions);
        Assert.Equal(new CvSubmissionSummary("CV-1111", "Ada Lovelace", "ada@example.com", "Berlin", "3 months", "MLOps Engineer", "cv.pdf", "pdf", 52_000, PortalData.Utc(3, 1, 9, 3), true), cv);
        Assert.DoesNotContain(typeof(CvSubmissionSummary).GetProperties(), p => p.Name.Contains("Secret", StringComparison.Ordinal));
        Assert.DoesNotContain(Seed.SecretHash, JsonSerializer.Serialize(detail), StringComparison.Ordinal);
    }

    [ProviderFact]
    public async Task AnUnknownConversationGivesNull() =>
        Assert.Null(await data.Db.Transcripts.GetAsync("no-such-conversation", CancellationToken.None));
}

public sealed class TranscriptViewOnSqliteTests(PortalData.Sqlite data) : TranscriptViewTests(data), IClassFixture<PortalData.Sqlite>;

public sealed class TranscriptViewOnPostgresTests(PortalData.Postgres data) : TranscriptViewTests(data), IClassFixture<PortalData.Postgres>, IPostgresTests;
