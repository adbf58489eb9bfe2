namespace ChatAdvisor.Evaluation;

/// <summary>How one item fared. <see cref="Intent"/> is the hand-off the turn started instead of an answer, if any.</summary>
public sealed record EvaluationResult(
    GoldItem Item,
    bool Answered,
    string? Intent,
    bool Correct,
    int? GoldRank,
    IReadOnlyList<string> CitedSections,
    IReadOnlyList<string> MissingFacts,
    int Numbers,
    int SupportedNumbers,
    int Citations,
    int ValidCitations,
    double Confidence,
    double LatencyMs,
    string AnswerText)
{
    /// <summary>Right for its kind: a correct answer, a decline, or the expected hand-off.</summary>
    public bool IsRight => Item.Expect switch
    {
        GoldItem.Answer => Correct,
        // Saying there are no listings declines too; starting an application does not.
        GoldItem.Abstain => !Answered && Intent != GoldItem.Apply,
        _ => Intent == Item.Expect,
    };
}
