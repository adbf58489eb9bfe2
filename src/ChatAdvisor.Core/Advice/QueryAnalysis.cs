namespace ChatAdvisor.Advice;

/// <summary>A question taken apart: its terms, the roles it names and what kind of question it is.</summary>
public sealed record QueryAnalysis(
    string Question,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> TopicTerms,
    IReadOnlyList<string> UnknownTerms,
    IReadOnlyList<string> GuideIds,
    bool NamesRole,
    bool IsFollowUp,
    bool IsComparison,
    bool MentionsOtherProfession,
    OffTopicReason? OffTopic);

public enum OffTopicReason
{
    Instructions,
    Coding,
}
