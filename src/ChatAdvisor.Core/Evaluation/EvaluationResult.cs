namespace ChatAdvisor.Evaluation;

/// <summary>How one gold item fared.</summary>
public sealed record EvaluationResult(
    GoldItem Item,
    bool Answered,
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
    string AnswerText);
