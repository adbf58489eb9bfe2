namespace ChatAdvisor.Knowledge;

/// <summary>A role guide: front matter plus its sections.</summary>
public sealed record KnowledgeDocument(
    string Id,
    string Title,
    string Role,
    IReadOnlyList<string> Aliases,
    string Source,
    DateOnly LastReviewed,
    IReadOnlyList<Chunk> Chunks)
{
    /// <summary>The <c>lang</c> of its front matter, if any; the folder it is in decides (<c>knowledge/de/</c> is German).</summary>
    public string? DeclaredLanguage { get; init; }
}
