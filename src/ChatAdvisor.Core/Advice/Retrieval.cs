using ChatAdvisor.Knowledge;
using ChatAdvisor.Knowledge.Embeddings;

namespace ChatAdvisor.Advice;

/// <summary>What retrieval found for one question: the sections in rank order, with why each ranks where it does.</summary>
public sealed record Retrieval(QueryAnalysis Query, IReadOnlyList<RankedSection> Sections, bool Semantic)
{
    public RankedSection? Best => Sections.Count > 0 ? Sections[0] : null;
}

/// <summary>
/// One ranked section. <see cref="Meaning"/> is the cosine of the question with the section's closest sentence,
/// heading or alternate question (0 without embeddings); <see cref="Coverage"/> the IDF-weighted share of the
/// question's topic words the section contains; <see cref="Confidence"/> what abstention is decided on.
/// </summary>
public sealed record RankedSection(
    Chunk Chunk,
    int Ordinal,
    double Meaning,
    double Coverage,
    double Keyword,
    double Score,
    double Confidence,
    SectionSimilarity? Similarity);
