using ChatAdvisor.Advice;
using ChatAdvisor.Core.Tests.Fakes;
using ChatAdvisor.Core.Tests.Generation;
using ChatAdvisor.Core.Tests.Infrastructure;
using ChatAdvisor.Knowledge;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Core.Tests.Advice;

/// <summary>The advisor with the optional models configured: a chat model that rewords, embeddings that rerank.</summary>
public sealed class AdvisorWithModelsTests
{
    private static readonly KnowledgeBase s_knowledge = TestKnowledge.Load();

    [Fact]
    public async Task AFaithfulModelAnswerIsUsedWithItsCitations()
    {
        var chat = new FakeChatClient().Reply("Entry-level MLOps engineers in Europe usually start at about €50,000 a year [1].");

        var answer = await Advisor(chat).AnswerAsync("What does an entry-level MLOps engineer earn?", AdviceContext.Empty, CancellationToken.None);

        Assert.Equal(ChatAdvisor.Advice.Advisor.GenerativeMode, answer.Mode);
        Assert.Equal("Entry-level MLOps engineers in Europe usually start at about €50,000 a year [1].", answer.Text);
        Assert.Equal("mlops-engineer#salary", Assert.Single(answer.Citations).Key);
        Assert.Contains("What does an entry-level MLOps engineer earn?", chat.Requests.Single().Messages[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AModelAnswerWithAFigureNotInThePassageIsDiscardedForTheQuotedAnswer()
    {
        var chat = new FakeChatClient().Reply("Entry-level MLOps engineers earn €65,000 [1].");

        var answer = await Advisor(chat).AnswerAsync("What does an entry-level MLOps engineer earn?", AdviceContext.Empty, CancellationToken.None);

        Assert.Equal(ChatAdvisor.Advice.Advisor.ExtractiveMode, answer.Mode);
        Assert.Contains("€50,000", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("€65,000", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheModelIsNeverAskedWhatTheGuidesDoNotCover()
    {
        var chat = new FakeChatClient().Reply("It is sunny [1].");

        var answer = await Advisor(chat).AnswerAsync("What's the weather in Berlin?", AdviceContext.Empty, CancellationToken.None);

        Assert.Equal(AnswerKind.Abstained, answer.Kind);
        Assert.Empty(chat.Requests);
    }

    [Fact]
    public async Task EmbeddingsRerankButDoNotChangeWhatIsDeclined()
    {
        var embeddings = new FakeEmbeddingGenerator();
        var advisor = new ChatAdvisor.Advice.Advisor(s_knowledge, Options.Create(new AdviceOptions()), NullLogger<ChatAdvisor.Advice.Advisor>.Instance,
            new SemanticScorer(NullLogger<SemanticScorer>.Instance, embeddings));

        var answered = await advisor.AnswerAsync("What skills does an MLOps engineer need?", AdviceContext.Empty, CancellationToken.None);
        var declined = await advisor.AnswerAsync("What's the weather in Berlin?", AdviceContext.Empty, CancellationToken.None);

        Assert.Equal("mlops-engineer#skills", answered.Citations.Single().Key);
        Assert.Equal(AnswerKind.Abstained, declined.Kind);
        Assert.True(embeddings.Calls >= 2, "sections and questions were embedded");
    }

    private static ChatAdvisor.Advice.Advisor Advisor(FakeChatClient chat) =>
        new(s_knowledge, Options.Create(new AdviceOptions()), NullLogger<ChatAdvisor.Advice.Advisor>.Instance, null, GenerationFixtures.Answerer(chat));
}
