namespace ChatAdvisor.Review;

/// <summary>Which questions count as knowledge gaps, and how alike two questions must be to share a group.</summary>
public sealed record GapQuery
{
    /// <summary>First UTC day (inclusive) of the answers looked at.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Last UTC day (inclusive) of the answers looked at.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Answers below this confidence count as weak.</summary>
    public double LowConfidenceThreshold { get; init; } = ConversationQuery.DefaultLowConfidenceThreshold;

    /// <summary>Minimum Jaccard similarity of term sets (0 to 1) for a question to join a group.</summary>
    public double SimilarityThreshold { get; init; } = 0.5;
}

/// <summary>The visitor questions the knowledge did not serve well, grouped; largest groups first.</summary>
/// <param name="From">The first day looked at, if any.</param>
/// <param name="To">The last day looked at, if any.</param>
/// <param name="QuestionCount">How many questions the groups hold together.</param>
/// <param name="Groups">The groups, largest first.</param>
public sealed record GapReport(DateOnly? From, DateOnly? To, int QuestionCount, IReadOnlyList<GapGroup> Groups);

/// <summary>Questions that say much the same thing, with why they count as gaps.</summary>
/// <param name="Representative">The most frequent wording (the shortest among equally frequent ones).</param>
/// <param name="Count">How many times such a question was asked.</param>
/// <param name="Examples">Up to five distinct wordings, most frequent first; the representative first of all.</param>
/// <param name="Declined">How many of them the bot declined to answer.</param>
/// <param name="LowConfidence">How many it answered below the confidence threshold.</param>
/// <param name="NotHelpful">How many answers visitors rated not helpful.</param>
/// <param name="FeedbackReasons">The distinct reasons visitors gave with "not helpful", most frequent first.</param>
/// <param name="LastSeen">When such a question was last answered.</param>
/// <param name="Terms">The analysed terms of the representative, which the group was formed around.</param>
/// <param name="ConversationIds">The conversations the questions were asked in, latest first, at most ten.</param>
public sealed record GapGroup(
    string Representative,
    int Count,
    IReadOnlyList<string> Examples,
    int Declined,
    int LowConfidence,
    int NotHelpful,
    IReadOnlyList<string> FeedbackReasons,
    DateTimeOffset LastSeen,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> ConversationIds)
{
    /// <summary>The language the questions were asked in: groups never mix languages.</summary>
    public string Language { get; init; } = "en";
}
