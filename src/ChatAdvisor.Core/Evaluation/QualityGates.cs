namespace ChatAdvisor.Evaluation;

/// <summary>The minimum quality a build must keep on the gold set; both the test run and the command apply these.</summary>
public static class QualityGates
{
    public const double HitAt3 = 0.95;
    public const double AnsweredAccuracy = 0.90;
    public const double AbstentionRecall = 0.90;
    public const double NumericFaithfulness = 1.0;
    public const double CitationValidity = 1.0;

    /// <summary>Each gate the report misses, as a sentence; empty when all pass.</summary>
    public static IReadOnlyList<string> Failures(EvaluationReport report)
    {
        var failures = new List<string>();
        Check(failures, "retrieval hit@3", report.HitAt3, HitAt3);
        Check(failures, "answered accuracy", report.AnsweredAccuracy, AnsweredAccuracy);
        Check(failures, "abstention recall", report.AbstentionRecall, AbstentionRecall);
        Check(failures, "numeric faithfulness", report.NumericFaithfulness, NumericFaithfulness);
        Check(failures, "citation validity", report.CitationValidity, CitationValidity);
        return failures;
    }

    private static void Check(List<string> failures, string name, double value, double gate)
    {
        if (value < gate)
        {
            failures.Add(FormattableString.Invariant($"{name} {value:0.000} is below the gate {gate:0.00}"));
        }
    }
}
