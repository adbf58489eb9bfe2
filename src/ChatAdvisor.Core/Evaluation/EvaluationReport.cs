using System.Globalization;
using System.Text;

namespace ChatAdvisor.Evaluation;

/// <summary>The metrics of one evaluation run over one set (definitions: tests/eval/README.md).</summary>
public sealed record EvaluationReport(IReadOnlyList<EvaluationResult> Results)
{
    private IEnumerable<EvaluationResult> AnswerItems => Results.Where(r => r.Item.ShouldAnswer);

    private IEnumerable<EvaluationResult> AbstainItems => Results.Where(r => r.Item.Expect == GoldItem.Abstain);

    private IEnumerable<EvaluationResult> IntentItems => Results.Where(r => r.Item.IsIntent);

    private IEnumerable<EvaluationResult> RankedItems => AnswerItems.Where(r => r.Item.Sections.Count > 0);

    public double HitAt1 => Rate(RankedItems, r => r.GoldRank is 1);

    public double HitAt3 => Rate(RankedItems, r => r.GoldRank is >= 1 and <= 3);

    /// <summary>Correct answers among everything answered (a wrongly answered out-of-scope question counts against it).</summary>
    public double AnsweredAccuracy => Rate(Results.Where(r => r.Answered), r => r.Correct);

    /// <summary>Answerable questions answered correctly.</summary>
    public double Coverage => Rate(AnswerItems, r => r.Correct);

    /// <summary>Answerable questions declined (or taken for a hand-off).</summary>
    public double FalseAbstentionRate => Rate(AnswerItems, r => !r.Answered);

    public double AbstentionPrecision => Rate(Results.Where(r => !r.Answered && r.Intent is null), r => r.Item.Expect == GoldItem.Abstain);

    public double AbstentionRecall => Rate(AbstainItems, r => r.IsRight);

    /// <summary>Requests to apply or for openings that started the right hand-off.</summary>
    public double IntentAccuracy => Rate(IntentItems, r => r.IsRight);

    public double NumericFaithfulness => Results.Sum(r => r.Numbers) == 0 ? 1 : (double)Results.Sum(r => r.SupportedNumbers) / Results.Sum(r => r.Numbers);

    public double CitationValidity => Results.Sum(r => r.Citations) == 0 ? 1 : (double)Results.Sum(r => r.ValidCitations) / Results.Sum(r => r.Citations);

    public double LatencyP50Ms => Percentile(0.50);

    public double LatencyP95Ms => Percentile(0.95);

    public int Count(string expect) => Results.Count(r => r.Item.Expect == expect);

    public IEnumerable<EvaluationResult> Failures => Results.Where(r => !r.IsRight);

    public IEnumerable<(string Name, string Value)> Metrics() =>
    [
        ("Answered accuracy", F(AnsweredAccuracy)),
        ("Coverage (answerable answered right)", F(Coverage)),
        ("False-abstention rate", F(FalseAbstentionRate)),
        ("Abstention recall", F(AbstentionRecall)),
        ("Abstention precision", F(AbstentionPrecision)),
        ("Hand-off intent accuracy", F(IntentAccuracy)),
        ("Numeric faithfulness", F(NumericFaithfulness)),
        ("Citation validity", F(CitationValidity)),
        ("Retrieval hit@1", RankedItems.Any() ? F(HitAt1) : "–"),
        ("Retrieval hit@3", RankedItems.Any() ? F(HitAt3) : "–"),
        ("Latency p50 (ms)", LatencyP50Ms.ToString("0.00", CultureInfo.InvariantCulture)),
        ("Latency p95 (ms)", LatencyP95Ms.ToString("0.00", CultureInfo.InvariantCulture)),
    ];

    /// <summary>Items per kind and how many were right.</summary>
    public void AppendKinds(StringBuilder md)
    {
        md.AppendLine("| Kind | Items | Right |").AppendLine("|---|---|---|");
        foreach (var group in Results.GroupBy(r => r.Item.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key} | {group.Count()} | {group.Count(r => r.IsRight)} |");
        }
    }

    /// <summary>One line per wrong item, with its question: for the dev set only, which may be tuned on.</summary>
    public void AppendFailures(StringBuilder md, bool withAnswers = false)
    {
        foreach (var f in Failures)
        {
            var outcome = f.Intent is not null ? $"hand-off '{f.Intent}'" : f.Answered ? "answered" : "declined";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"- `{f.Item.Id}` ({f.Item.Kind}) \"{string.Join(" → ", f.Item.Turns)}\": {outcome}, cited [{string.Join(", ", f.CitedSections)}], expected {f.Item.Expect} [{string.Join(", ", f.Item.Sections)}]{(f.MissingFacts.Count > 0 ? $", missing facts [{string.Join(", ", f.MissingFacts)}]" : "")}");
            if (withAnswers)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"  > {f.AnswerText.ReplaceLineEndings(" ")}");
            }
        }
    }

    internal static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static double Rate(IEnumerable<EvaluationResult> results, Func<EvaluationResult, bool> predicate)
    {
        var list = results.ToList();
        return list.Count == 0 ? 1 : (double)list.Count(predicate) / list.Count;
    }

    private double Percentile(double p)
    {
        var sorted = Results.Select(r => r.LatencyMs).Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
