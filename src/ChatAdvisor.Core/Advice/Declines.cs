using System.Runtime.CompilerServices;
using System.Text;
using ChatAdvisor.Knowledge;

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

    public static Answer Answer(KnowledgeIndex index, Retrieval retrieval, AdviceContext context, DeclineReason reason, RankedSection? nearby, AdviceOptions options)
    {
        var text = new StringBuilder(reason.Kind switch
        {
            "instructions" => "I can only answer from the agency's role guides, and I can't change how I work.",
            "coding" => "I can't help with programming tasks: I only answer questions about the roles in the agency's guides.",
            "other-profession" => "The agency's guides don't cover that role, so I won't guess.",
            "place" => $"The {nearby?.Chunk.Role ?? "role"} guide has nothing specific to {Capitalise(reason.PlaceName!)}, so I won't guess.",
            _ => "The agency's guides don't cover that, so I won't guess.",
        });
        var citations = new List<Citation>();
        if (nearby is not null)
        {
            // What the section has that is closest to the question, quoted as an answer would be.
            var units = AnswerComposer.Select(index, nearby, retrieval.Query, options);
            text.Append(" What the ").Append(nearby.Chunk.Role).Append(" guide does cover is **")
                .Append(nearby.Chunk.Heading).Append("**:\n\n");
            AnswerText.AppendUnits(text, units, 1);
            citations.Add(Citation.Of(1, nearby.Chunk));
        }
        else
        {
            var roles = string.Join(" and ", index.Documents.Select(d => d.Role));
            text.Append(" I can tell you about the ").Append(roles).Append(" roles: what they do, responsibilities, skills, qualifications, salaries in Europe and common questions.");
        }
        text.Append(nearby is null ? "\n\n" : "").Append("For anything the guides don't cover, a recruiter can help: you can send your CV here and they will get in touch.");
        return new Answer(AnswerKind.Abstained, text.ToString(), citations, 0, Nearby(index, retrieval, nearby), Advisor.ExtractiveMode,
            nearby is null ? context : new AdviceContext([nearby.Chunk.GuideId], nearby.Chunk.Key));
    }

    /// <summary>A place the question names that the section's guide never mentions, if any.</summary>
    public static string? MissingPlace(KnowledgeIndex index, Chunk chunk, QueryAnalysis query)
    {
        var guide = index.Documents.First(d => d.Id == chunk.GuideId);
        // A guide's words are the same for every question: read them once per loaded guide.
        var guideWords = s_guideWords.GetValue(guide, g => g.Chunks.SelectMany(c => TextAnalyzer.Words($"{c.Heading} {c.Text}")).ToHashSet(StringComparer.Ordinal));
        return Places.In(TextAnalyzer.Words(query.Question)).FirstOrDefault(p => !guideWords.Contains(p) && p is not ("europe" or "european" or "eu"));
    }

    /// <summary>Questions that fit what was asked: the closest sections first, then the guides' openers.</summary>
    private static List<string> Nearby(KnowledgeIndex index, Retrieval retrieval, RankedSection? nearby)
    {
        // Not the nearby section itself: the decline has just quoted it.
        var close = retrieval.Sections.Where(s => s.Chunk.AlternateQuestions.Count > 0 && s.Meaning >= 0.3 && s.Chunk.Key != nearby?.Chunk.Key).Take(2)
            .Select(s => s.Chunk.AlternateQuestions[0]).ToList();
        return close.Count > 0 && nearby is not null ? close : [.. close.Concat(Suggestions.Starters(index, 1)).Distinct().Take(3)];
    }

    private static string Capitalise(string place) => place.Length <= 3 ? place.ToUpperInvariant() : char.ToUpperInvariant(place[0]) + place[1..];
}
