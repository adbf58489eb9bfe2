using System.ComponentModel.DataAnnotations;

namespace ChatAdvisor.Advice;

public sealed class AdviceOptions
{
    public const string SectionName = "Advice";

    /// <summary>
    /// Answers whose confidence (mostly how close the question is to the section, by embeddings; word coverage without them) falls below
    /// this are declined. Chosen on the dev set only (`eval --sweep`); see tests/eval/README.md. Default 0.625.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = 0.625;

    /// <summary>
    /// <see cref="MinConfidence"/> for a question in a language other than English, answered from its translated
    /// guide: the local model reads those languages less well and its closeness scores run lower. Chosen on the
    /// languages' dev sets only (`eval --sweep`); see tests/eval/README.md. Default 0.525.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinConfidenceOtherLanguages { get; set; } = 0.525;

    /// <summary>
    /// Where there are no embeddings (switched off, or the model failed), the confidence is the word coverage alone, on another scale: answers below this are declined. Default 0.575.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinWordCoverage { get; set; } = 0.575;

    /// <summary>About how many words an answer quotes. Default 60.</summary>
    [Range(10, 400)]
    public int AnswerWords { get; set; } = 60;

    /// <summary>About how many words an answer to a list question quotes. Default 110.</summary>
    [Range(10, 400)]
    public int ListAnswerWords { get; set; } = 110;

    /// <summary>Share of a section's rank that comes from embeddings (the rest from words), when they are on. Default 0.6.</summary>
    [Range(0.0, 1.0)]
    public double MeaningWeight { get; set; } = 0.6;

    /// <summary>Share of the confidence that comes from embeddings (the rest from word coverage), when they are on. Default 0.8.</summary>
    [Range(0.0, 1.0)]
    public double ConfidenceMeaningWeight { get; set; } = 0.8;

    /// <summary>Rank bonus for the section being discussed when a follow-up names no role. Default 0.1.</summary>
    [Range(0.0, 1.0)]
    public double FollowUpBonus { get; set; } = 0.1;

    /// <summary>A declined question at least this close (cosine) to a section is shown what that section has. Default 0.4.</summary>
    [Range(0.0, 1.0)]
    public double NearbyMeaning { get; set; } = 0.4;

    /// <summary>Distinct recent questions (in their context) whose extractive answers are kept in memory; 0 turns the cache off. Default 10,000.</summary>
    [Range(0, 1_000_000)]
    public int AnswerCacheSize { get; set; } = 10_000;

    /// <summary>Follow-up questions offered under an answer. Default 3.</summary>
    [Range(0, 5)]
    public int SuggestionCount { get; set; } = 3;
}
