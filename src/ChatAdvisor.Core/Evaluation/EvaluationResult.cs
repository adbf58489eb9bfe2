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
    string AnswerText,
    bool FactsInCitedSections = true)
{
    /// <summary>What went wrong, in a few classes, for a report that says why without showing the question.</summary>
    public string? Why => IsRight ? null : Item.Expect switch
    {
        GoldItem.Answer when Intent is not null => "hand-off instead of an answer",
        GoldItem.Answer when !Answered => "covered question declined",
        GoldItem.Answer when !FactsInCitedSections || CitedSections.Count == 0 => "answered from a section without the facts",
        GoldItem.Answer when Item.Sections.Count > 0 && !CitedSections.Intersect(Item.Sections).Any() => "answered from a section without the facts",
        GoldItem.Answer => "right section, a fact left out of the short answer",
        GoldItem.Abstain when Intent is not null => "hand-off instead of a decline",
        GoldItem.Abstain => "answered what the guides do not cover",
        _ when Intent is not null => "the other hand-off",
        _ when Answered => "answered instead of the hand-off",
        _ => "declined instead of the hand-off",
    };

    /// <summary>Right for its kind: a correct answer, a decline, or the expected hand-off.</summary>
    public bool IsRight => Item.Expect switch
    {
        GoldItem.Answer => Correct,
        // Saying there are no listings declines too; starting an application does not.
        GoldItem.Abstain => !Answered && Intent != GoldItem.Apply,
        _ => Intent == Item.Expect,
    };
}
