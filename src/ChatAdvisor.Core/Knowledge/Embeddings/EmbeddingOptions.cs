using System.ComponentModel.DataAnnotations;

namespace ChatAdvisor.Knowledge.Embeddings;

/// <summary>Which sentence-embedding model ranks sections by meaning.</summary>
public sealed class EmbeddingOptions
{
    public const string SectionName = "Embeddings";

    /// <summary>
    /// <see cref="EmbeddingProvider.Local"/> (default): all-MiniLM-L6-v2 in process, offline.
    /// <see cref="EmbeddingProvider.Llm"/>: the embedding model of the configured <c>Llm</c> provider
    /// (<c>Llm:EmbeddingModel</c>). <see cref="EmbeddingProvider.None"/>: keyword retrieval alone.
    /// </summary>
    public EmbeddingProvider Provider { get; set; } = EmbeddingProvider.Local;

    /// <summary>Folder of the on-disk vector cache (relative to the content root); empty keeps it in memory. Default <c>data/embeddings</c>.</summary>
    public string? CachePath { get; set; } = "data/embeddings";

    /// <summary>Distinct recent questions whose vectors are kept in memory; 0 turns the cache off. Default 10,000.</summary>
    [Range(0, 1_000_000)]
    public int QuestionCacheSize { get; set; } = 10_000;
}

public enum EmbeddingProvider
{
    Local,
    Llm,
    None,
}
