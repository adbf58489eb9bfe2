using System.ComponentModel.DataAnnotations;

namespace ChatAdvisor.Advice;

public sealed class AdviceOptions
{
    public const string SectionName = "Advice";

    /// <summary>
    /// Answers whose confidence (share of the question's weighted terms found in the best section) falls below
    /// this are declined. Calibrated on the evaluation set; see tests/eval/README.md. Default 0.5.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = 0.5;

    /// <summary>Most sentences or bullets quoted from one section. Default 6.</summary>
    [Range(1, 20)]
    public int MaxSentences { get; set; } = 6;

    /// <summary>Follow-up questions offered under an answer. Default 3.</summary>
    [Range(0, 5)]
    public int SuggestionCount { get; set; } = 3;
}
