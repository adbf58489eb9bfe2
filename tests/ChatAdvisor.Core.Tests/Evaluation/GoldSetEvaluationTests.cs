using ChatAdvisor.Advice;
using ChatAdvisor.Core.Tests.Infrastructure;
using ChatAdvisor.Evaluation;
using Xunit.Abstractions;

namespace ChatAdvisor.Core.Tests.Evaluation;

/// <summary>The evaluation harness as a test: the gold set must clear the quality gates (tests/eval/README.md).</summary>
public sealed class GoldSetEvaluationTests(ITestOutputHelper output)
{
    private static readonly Lazy<EvaluationReport> s_report = new(() =>
    {
        var knowledge = TestKnowledge.Load();
        var items = GoldItem.Load(Path.Combine(TestKnowledge.RepositoryRoot, "tests", "eval", "gold-set.jsonl"));
        return new Evaluator(TestKnowledge.Advisor(knowledge), knowledge).Run(items, new AdviceOptions().MinConfidence);
    });

    [Fact]
    public void GoldSetIsLargeEnoughAndBalanced()
    {
        var items = s_report.Value.Results.Select(r => r.Item).ToList();
        Assert.True(items.Count(i => i.ShouldAnswer) >= 150);
        Assert.True(items.Count(i => !i.ShouldAnswer) >= 40);
        Assert.Contains(items, i => i.Turns.Count > 1);
        Assert.Contains(items, i => i.Kind == "comparison");
        Assert.Contains(items, i => i.Kind == "typo");
    }

    [Fact]
    public void RetrievalFindsTheGoldSectionInTheTopThree()
    {
        Report();
        Assert.True(s_report.Value.HitAt3 >= 0.95, $"hit@3 {s_report.Value.HitAt3:0.000} < 0.95");
    }

    [Fact]
    public void AnswersAreAccurate()
    {
        Report();
        Assert.True(s_report.Value.AnsweredAccuracy >= 0.9, $"answered accuracy {s_report.Value.AnsweredAccuracy:0.000} < 0.9");
    }

    [Fact]
    public void OutOfScopeQuestionsAreDeclined()
    {
        Report();
        Assert.True(s_report.Value.AbstentionRecall >= 0.9, $"abstention recall {s_report.Value.AbstentionRecall:0.000} < 0.9");
    }

    [Fact]
    public void EveryFigureInAnAnswerAppearsInACitedPassage()
    {
        Assert.Equal(1.0, s_report.Value.NumericFaithfulness);
        Assert.Equal(1.0, s_report.Value.CitationValidity);
    }

    private void Report() => output.WriteLine(s_report.Value.ToMarkdown());
}
