using ChatAdvisor.Core.Tests.Fakes;
using ChatAdvisor.Generation;
using Microsoft.Extensions.AI;

namespace ChatAdvisor.Core.Tests.Generation;

/// <summary>The answerer keeps only grounded, well-cited replies and otherwise returns null.</summary>
public sealed class GenerativeAnswererTests
{
    private const string Question = "What does an entry-level MLOps engineer earn?";

    [Fact]
    public async Task AcceptsWellCitedFaithfulReply()
    {
        const string Reply = "Entry-level MLOps engineers in Europe earn €50,000 to €65,000 a year [1]. Most roles also ask for 3 years of experience [2].";

        var answer = await AnswerAsync(new FakeChatClient().Reply(Reply));

        Assert.NotNull(answer);
        Assert.Equal(Reply, answer.Text);
        Assert.Equal([1, 2], answer.CitedPassages);
    }

    [Fact]
    public async Task CitedPassagesAreDistinctInOrderOfFirstUse()
    {
        var answer = await AnswerAsync(new FakeChatClient().Reply("Python and PyTorch matter [2]. Seniors earn more [1]. So does PyTorch [2]."));

        Assert.Equal([2, 1], answer!.CitedPassages);
    }

    [Fact]
    public async Task GroupedCitationsAreSplitAndFiguresMayUseOtherSeparators()
    {
        var answer = await AnswerAsync(new FakeChatClient().Reply("Pay starts at 50.000 € [1, 2]."));

        Assert.Equal("Pay starts at 50.000 € [1][2].", answer!.Text);
        Assert.Equal([1, 2], answer.CitedPassages);
    }

    public static TheoryData<string> RejectedReplies => new()
    {
        "NO_ANSWER",
        "NO_ANSWER.",
        "",
        "   ",
        "Entry-level MLOps engineers earn a good salary.",
        "Entry-level MLOps engineers earn a good salary [3].",
        "Entry-level MLOps engineers earn a good salary [0].",
        "Entry-level MLOps engineers earn €55,000 [1].",
        "Entry-level MLOps engineers earn €50,000 and need 3 years of experience [1].",
        "About 80% of MLOps roles are remote [1].",
        "Entry-level MLOps engineers earn €50k [1].",
    };

    [Theory]
    [MemberData(nameof(RejectedReplies))]
    public async Task RejectsUngroundedReply(string reply)
    {
        Assert.Null(await AnswerAsync(new FakeChatClient().Reply(reply)));
    }

    [Fact]
    public async Task ReturnsNullWhenTheClientThrows()
    {
        Assert.Null(await AnswerAsync(new FakeChatClient().Throw(new HttpRequestException("502 from upstream"))));
    }

    [Fact]
    public async Task ReturnsNullWhenTheModelTimesOut()
    {
        var answerer = GenerationFixtures.Answerer(new FakeChatClient().Hang(), TimeSpan.FromMilliseconds(100));

        Assert.Null(await answerer.AnswerAsync(Question, GenerationFixtures.Passages, CancellationToken.None));
    }

    [Fact]
    public async Task CallerCancellationPropagates()
    {
        var answerer = GenerationFixtures.Answerer(new FakeChatClient().Hang());
        using var cancellation = new CancellationTokenSource();

        var pending = answerer.AnswerAsync(Question, GenerationFixtures.Passages, cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }

    [Fact]
    public async Task DisabledAnswererCallsNothing()
    {
        var answerer = GenerationFixtures.Answerer(chatClient: null);

        Assert.False(answerer.IsEnabled);
        Assert.Null(await answerer.AnswerAsync(Question, GenerationFixtures.Passages, CancellationToken.None));
    }

    [Fact]
    public async Task NoPassagesMeansNoModelCall()
    {
        var client = new FakeChatClient();

        Assert.Null(await GenerationFixtures.Answerer(client).AnswerAsync(Question, [], CancellationToken.None));
        Assert.Empty(client.Requests);
    }

    [Fact]
    public async Task PromptHoldsTheQuestionAndPassagesAndNothingElse()
    {
        var client = new FakeChatClient().Reply("NO_ANSWER");

        await AnswerAsync(client);

        var request = Assert.Single(client.Requests);
        Assert.Equal([ChatRole.System, ChatRole.User], request.Messages.Select(m => m.Role));
        Assert.Equal(Question, request.Messages[1].Text);
        var system = request.Messages[0].Text;
        Assert.Contains("[1] MLOps Engineer — Salary\n" + GenerationFixtures.Passages[0].Text, system, StringComparison.Ordinal);
        Assert.Contains("[2] Machine Learning Engineer — Skills\n" + GenerationFixtures.Passages[1].Text, system, StringComparison.Ordinal);
        // Everything else in the system message is the template's own text.
        var fixedText = system
            .Replace("[1] MLOps Engineer — Salary\n" + GenerationFixtures.Passages[0].Text, string.Empty, StringComparison.Ordinal)
            .Replace("[2] Machine Learning Engineer — Skills\n" + GenerationFixtures.Passages[1].Text, string.Empty, StringComparison.Ordinal);
        var template = GenerationFixtures.Library().Get(GenerativeAnswerer.PromptName).Source;
        Assert.All(fixedText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            line => Assert.Contains(line, template, StringComparison.Ordinal));
        Assert.Equal(0.1f, request.Options!.Temperature);
        Assert.Equal(400, request.Options.MaxOutputTokens);
    }

    private static Task<GeneratedAnswer?> AnswerAsync(FakeChatClient client) =>
        GenerationFixtures.Answerer(client).AnswerAsync(Question, GenerationFixtures.Passages, CancellationToken.None);
}
