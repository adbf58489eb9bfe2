using ChatAdvisor.Knowledge;

namespace ChatAdvisor.Advice;

/// <summary>Follow-up questions to offer, taken from the alternate questions the guides declare.</summary>
public static class Suggestions
{
    /// <summary>Questions about the sections after <paramref name="current"/> in the same guide.</summary>
    public static IReadOnlyList<string> For(KnowledgeIndex index, Chunk current, int count)
    {
        var sections = index.Chunks.Where(c => c.GuideId == current.GuideId && c.AlternateQuestions.Count > 0).ToList();
        var start = sections.FindIndex(c => c.Key == current.Key) + 1;
        return [.. sections.Skip(start).Concat(sections.Take(start))
            .Where(c => c.Key != current.Key)
            .Select(c => c.AlternateQuestions[0])
            .Take(count)];
    }

    /// <summary>Opening questions: the first declared question of each guide's first sections.</summary>
    public static IReadOnlyList<string> Starters(KnowledgeIndex index, int perGuide) =>
        [.. index.Documents.SelectMany(d => d.Chunks.Where(c => c.AlternateQuestions.Count > 0).Take(perGuide)
            .Select(c => c.AlternateQuestions[0]))];
}
