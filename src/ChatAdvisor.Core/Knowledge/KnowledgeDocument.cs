namespace ChatAdvisor.Knowledge;

/// <summary>A role guide: front matter plus its sections.</summary>
public sealed record KnowledgeDocument(
    string Id,
    string Title,
    string Role,
    IReadOnlyList<string> Aliases,
    string Source,
    DateOnly LastReviewed,
    IReadOnlyList<Chunk> Chunks);
