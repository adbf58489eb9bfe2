using System.Globalization;
using System.Text;

namespace ChatAdvisor.Evaluation;

/// <summary>The metrics of one evaluation run (definitions: tests/eval/README.md).</summary>
public sealed record EvaluationReport(IReadOnlyList<EvaluationResult> Results, double Threshold)
{
    private IEnumerable<EvaluationResult> AnswerItems => Results.Where(r => r.Item.ShouldAnswer);

    private IEnumerable<EvaluationResult> AbstainItems => Results.Where(r => !r.Item.ShouldAnswer);

    public double HitAt1 => Rate(AnswerItems, r => r.GoldRank is 1);

    public double HitAt3 => Rate(AnswerItems, r => r.GoldRank is >= 1 and <= 3);

    public double Mrr => AnswerItems.Select(r => r.GoldRank is { } k ? 1.0 / k : 0).DefaultIfEmpty().Average();

    /// <summary>Correct answers among everything that was answered (a wrongly answered out-of-scope question counts against it).</summary>
    public double AnsweredAccuracy => Rate(Results.Where(r => r.Answered), r => r.Correct);

    public double Coverage => Rate(Results, r => r.Answered);

    public double AbstentionPrecision => Rate(Results.Where(r => !r.Answered), r => !r.Item.ShouldAnswer);

    public double AbstentionRecall => Rate(AbstainItems, r => !r.Answered);

    public double NumericFaithfulness => Results.Sum(r => r.Numbers) == 0 ? 1 : (double)Results.Sum(r => r.SupportedNumbers) / Results.Sum(r => r.Numbers);

    public double CitationValidity => Results.Sum(r => r.Citations) == 0 ? 1 : (double)Results.Sum(r => r.ValidCitations) / Results.Sum(r => r.Citations);

    public double LatencyP50Ms => Percentile(0.50);

    public double LatencyP95Ms => Percentile(0.95);

    public IEnumerable<EvaluationResult> Failures =>
        Results.Where(r => r.Item.ShouldAnswer ? !r.Correct : r.Answered);

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Evaluation report").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Gold items: {Results.Count} ({AnswerItems.Count()} to answer, {AbstainItems.Count()} to decline); confidence threshold {Threshold:0.00}.").AppendLine();
        md.AppendLine("| Metric | Value |").AppendLine("|---|---|");
        foreach (var (name, value) in Metrics())
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");
        }
        md.AppendLine().AppendLine("## By kind").AppendLine().AppendLine("| Kind | Items | Right |").AppendLine("|---|---|---|");
        foreach (var group in Results.GroupBy(r => r.Item.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key} | {group.Count()} | {group.Count(IsRight)} |");
        }
        md.AppendLine().AppendLine("## Items judged wrong").AppendLine();
        foreach (var failure in Failures)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"- `{failure.Item.Id}` ({failure.Item.Kind}) \"{string.Join(" → ", failure.Item.Turns)}\": {(failure.Answered ? "answered" : "declined")}, cited [{string.Join(", ", failure.CitedSections)}], expected [{string.Join(", ", failure.Item.Sections)}]{(failure.MissingFacts.Count > 0 ? $", missing facts [{string.Join(", ", failure.MissingFacts)}]" : "")}");
        }
        return md.ToString();
    }

    public IEnumerable<(string Name, string Value)> Metrics() =>
    [
        ("Retrieval hit@1", F(HitAt1)),
        ("Retrieval hit@3", F(HitAt3)),
        ("Retrieval MRR", F(Mrr)),
        ("Answered accuracy", F(AnsweredAccuracy)),
        ("Coverage", F(Coverage)),
        ("Abstention precision", F(AbstentionPrecision)),
        ("Abstention recall", F(AbstentionRecall)),
        ("Numeric faithfulness", F(NumericFaithfulness)),
        ("Citation validity", F(CitationValidity)),
        ("Latency p50 (ms)", LatencyP50Ms.ToString("0.00", CultureInfo.InvariantCulture)),
        ("Latency p95 (ms)", LatencyP95Ms.ToString("0.00", CultureInfo.InvariantCulture)),
    ];

    private static bool IsRight(EvaluationResult r) => r.Item.ShouldAnswer ? r.Correct : !r.Answered;

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

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
