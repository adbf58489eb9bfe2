namespace ChatAdvisor.Evaluation;

/// <summary>One bound a metric must keep.</summary>
public sealed record QualityGate(string Name, Func<EvaluationReport, double> Metric, double Bound, bool AtMost = false)
{
    public bool Passes(EvaluationReport report) => AtMost ? Metric(report) <= Bound : Metric(report) >= Bound;

    public string Describe() => $"{(AtMost ? "≤" : "≥")} {Bound:0.00}";
}

/// <summary>The quality a build must keep; the test run and the <c>eval</c> command apply the same gates.</summary>
public static class QualityGates
{
    /// <summary>On questions nobody tuned for.</summary>
    public static readonly IReadOnlyList<QualityGate> HeldOut =
    [
        new("Answered accuracy", r => r.AnsweredAccuracy, 0.95),
        new("Coverage (answerable answered right)", r => r.Coverage, 0.90),
        new("False-abstention rate", r => r.FalseAbstentionRate, 0.03, AtMost: true),
        new("Abstention recall", r => r.AbstentionRecall, 0.95),
        new("Hand-off intent accuracy", r => r.IntentAccuracy, 0.90),
        new("Numeric faithfulness", r => r.NumericFaithfulness, 1.0),
        new("Citation validity", r => r.CitationValidity, 1.0),
    ];

    /// <summary>On the dev set, which is tuned on and so must at least hold these.</summary>
    public static readonly IReadOnlyList<QualityGate> Dev =
    [
        new("Retrieval hit@3", r => r.HitAt3, 0.95),
        new("Answered accuracy", r => r.AnsweredAccuracy, 0.90),
        new("Abstention recall", r => r.AbstentionRecall, 0.90),
        new("Numeric faithfulness", r => r.NumericFaithfulness, 1.0),
        new("Citation validity", r => r.CitationValidity, 1.0),
    ];

    /// <summary>Each gate the report misses, as a sentence; empty when all pass.</summary>
    public static IReadOnlyList<string> Failures(EvaluationReport report, IReadOnlyList<QualityGate> gates) =>
        [.. gates.Where(g => !g.Passes(report)).Select(g => FormattableString.Invariant($"{g.Name} {g.Metric(report):0.000} misses the gate {g.Describe()}"))];
}
