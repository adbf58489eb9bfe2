using System.Runtime.CompilerServices;
using System.Text;
using ChatAdvisor.Knowledge;
using ChatAdvisor.Languages;

namespace ChatAdvisor.Advice;

/// <summary>Why a question is declined; <see cref="Place"/> carries the place the guide has nothing on.</summary>
internal sealed record DeclineReason(string Kind, string? PlaceName = null)
{
    public static readonly DeclineReason NotCovered = new("not-covered");

    public static DeclineReason Place(string place) => new("place", place);

    public static DeclineReason Of(QueryAnalysis query) => query.OffTopic switch
    {
        OffTopicReason.Instructions => new("instructions"),
        OffTopicReason.Coding => new("coding"),
        _ when query.MentionsOtherProfession => new("other-profession"),
        _ => NotCovered,
    };
}

/// <summary>
/// What the advisor says when the guides do not answer: why, what they do have nearby (quoted and cited) when the
/// question was close to a section, and the way on (a recruiter, the CV dialog, other questions).
/// </summary>
internal static class Declines
{
    private static readonly ConditionalWeakTable<KnowledgeDocument, HashSet<string>> s_guideWords = [];

    public static Answer Answer(KnowledgeIndex index, MessageSet messages, Retrieval retrieval, AdviceContext context, DeclineReason reason,
        RankedSection? nearby, AdviceOptions options)
    {
        var text = new StringBuilder(reason.Kind switch
        {
            "instructions" => messages.Get(MessageKeys.DeclineInstructions),
            "coding" => messages.Get(MessageKeys.DeclineCoding),
            "other-profession" => messages.Get(MessageKeys.DeclineOtherProfession),
            "place" => messages.Get(MessageKeys.DeclinePlace, ("role", nearby?.Chunk.Role ?? (index.Documents.Count > 0 ? index.Documents[0].Role : "")), ("place", Capitalise(reason.PlaceName!))),
            _ => messages.Get(MessageKeys.DeclineNotCovered),
        });
        var citations = new List<Citation>();
        if (nearby is not null)
        {
            // What the section has that is closest to the question, quoted as an answer would be.
            var units = AnswerComposer.Select(index, nearby, retrieval.Query, options);
            text.Append(' ').Append(messages.Get(MessageKeys.DeclineNearby, ("role", nearby.Chunk.Role), ("heading", nearby.Chunk.Heading))).Append("\n\n");
            AnswerText.AppendUnits(text, units, 1);
            citations.Add(Citation.Of(1, nearby.Chunk));
        }
        else
        {
            var names = index.Documents.Select(d => d.Role).ToList();
            var roles = names.Count < 2 ? string.Concat(names)
                : messages.Get(MessageKeys.And, ("first", string.Join(", ", names[..^1])), ("second", names[^1]));
            text.Append(' ').Append(messages.Get(MessageKeys.DeclineTopics, ("roles", roles)));
        }
        text.Append(nearby is null ? "\n\n" : "").Append(messages.Get(MessageKeys.DeclineRecruiter));
        return new Answer(AnswerKind.Abstained, text.ToString(), citations, 0, Nearby(index, retrieval, nearby), Advisor.ExtractiveMode,
            nearby is null ? context : new AdviceContext([nearby.Chunk.GuideId], nearby.Chunk.Key, context.Language));
    }

    /// <summary>A place the question names that the section's guide never mentions, if any.</summary>
    public static string? MissingPlace(KnowledgeIndex index, Chunk chunk, QueryAnalysis query)
    {
        var guide = index.Documents.First(d => d.Id == chunk.GuideId);
        // A guide's words are the same for every question: read them once per loaded guide.
        var guideWords = s_guideWords.GetValue(guide, g => g.Chunks.SelectMany(c => TextAnalyzer.Words($"{c.Heading} {c.Text}")).ToHashSet(StringComparer.Ordinal));
        var place = Places.In(TextAnalyzer.Words(query.Question), index.Language.Code).FirstOrDefault(p => !guideWords.Contains(p) && p is not ("europe" or "european" or "eu" or "europa"));
        return place is null ? null : AsWritten(query.Question, place);
    }

    /// <summary>The place as the question spells it, accents included ("España", not "espana").</summary>
    private static string AsWritten(string question, string place)
    {
        var plain = TextAnalyzer.Words(question).ToList();
        var written = TextAnalyzer.Words(question, keepAccents: true).ToList();
        var length = place.Count(c => c == ' ') + 1;
        for (var i = 0; plain.Count == written.Count && i + length <= plain.Count; i++)
        {
            if (string.Join(' ', plain.Skip(i).Take(length)) == place)
            {
                return string.Join(' ', written.Skip(i).Take(length));
            }
        }
        return place;
    }

    /// <summary>Questions that fit what was asked: the closest sections first, then the guides' openers.</summary>
    private static List<string> Nearby(KnowledgeIndex index, Retrieval retrieval, RankedSection? nearby)
    {
        // Not the nearby section itself: the decline has just quoted it.
        var close = retrieval.Sections.Where(s => s.Chunk.AlternateQuestions.Count > 0 && s.Meaning >= 0.3 && s.Chunk.Key != nearby?.Chunk.Key).Take(2)
            .Select(s => s.Chunk.AlternateQuestions[0]).ToList();
        return close.Count > 0 && nearby is not null ? close : [.. close.Concat(Suggestions.Starters(index, 1)).Distinct().Take(3)];
    }

    private static string Capitalise(string place) => place.ToLowerInvariant() is "uk" or "us" or "usa" or "eu" or "uae"
        ? place.ToUpperInvariant()
        : string.Join(' ', place.Split(' ').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
