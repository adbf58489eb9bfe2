namespace ChatAdvisor.Advice;

/// <summary>A question taken apart: its terms, the roles it names and what kind of question it is.</summary>
internal sealed record QueryAnalysis(
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

internal enum OffTopicReason
{
    Instructions,
    Coding,
}
