using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Knowledge.Embeddings;

/// <summary>
/// Embeds the knowledge when an index is built (through the on-disk <see cref="EmbeddingCache"/>) and questions when
/// they are asked (through a bounded in-memory cache keyed by the normalised question). Any failure of the model
/// means "no vectors": retrieval then ranks on keywords alone, as it does with embeddings switched off.
/// </summary>
public sealed partial class KnowledgeEmbedder : IDisposable
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;
    private readonly EmbeddingCache _cache;
    private readonly MemoryCache _questions;
    private readonly ILogger<KnowledgeEmbedder> _logger;
    private readonly bool _cacheQuestions;

    public KnowledgeEmbedder(
        IEmbeddingGenerator<string, Embedding<float>> generator,
        IOptions<EmbeddingOptions> options,
        IHostEnvironment environment,
        ILogger<KnowledgeEmbedder> logger)
    {
        _generator = generator;
        _logger = logger;
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        Model = $"{metadata?.ProviderName ?? "unknown"}-{metadata?.DefaultModelId ?? generator.GetType().Name}";
        var folder = string.IsNullOrWhiteSpace(options.Value.CachePath) ? null : Path.GetFullPath(options.Value.CachePath, environment.ContentRootPath);
        _cache = new EmbeddingCache(folder, Model);
        _cacheQuestions = options.Value.QuestionCacheSize > 0;
        _questions = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.QuestionCacheSize) });
    }

    public string Model { get; }

    /// <summary>
    /// Vectors for every section of each index (the English guides and their translations), or nulls when the model
    /// failed. One call for all of them: one batch of what the cache lacks, one save of the cache file.
    /// </summary>
    public async Task<IReadOnlyList<SemanticIndex?>> EmbedAsync(IReadOnlyList<KnowledgeIndex> indexes, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var texts = indexes.SelectMany(Texts).Distinct(StringComparer.Ordinal).ToList();
        var missing = texts.Where(t => !_cache.TryGet(t, out _)).ToList();
        if (missing.Count > 0)
        {
            // On a first run this is the longest wait; say so before it starts.
            Embedding(_logger, missing.Count, texts.Count);
        }
        try
        {
            foreach (var batch in missing.Chunk(32))
            {
                var embeddings = await _generator.GenerateAsync(batch, cancellationToken: cancellationToken);
                for (var i = 0; i < batch.Length; i++)
                {
                    _cache.Add(batch[i], embeddings[i].Vector.ToArray());
                }
            }
            _cache.Save(texts);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Keep what was computed, so that the next start embeds only the rest.
            _cache.Save(texts);
            throw;
        }
        catch (Exception ex)
        {
            Unavailable(_logger, ex);
            return [.. indexes.Select(_ => (SemanticIndex?)null)];
        }
        var semantic = indexes.Select(index => (SemanticIndex?)SemanticIndex.Build(Model, index, text => _cache.TryGet(text, out var vector) ? vector : [])).ToList();
        Embedded(_logger, texts.Count, missing.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return semantic;
    }

    private static IEnumerable<string> Texts(KnowledgeIndex index) =>
        index.Chunks.SelectMany((chunk, i) => SemanticIndex.Texts(chunk, index.Units[i])).Concat(index.Intents.Examples.Select(e => e.Text));

    /// <summary>The question's vector, or null when the model failed.</summary>
    public async ValueTask<float[]?> EmbedQuestionAsync(string question, CancellationToken cancellationToken)
    {
        var key = Normalize(question);
        if (_cacheQuestions && _questions.TryGetValue(key, out float[]? cached))
        {
            Telemetry.QuestionEmbeddings.Add(1, new KeyValuePair<string, object?>("cached", true));
            return cached;
        }
        Telemetry.QuestionEmbeddings.Add(1, new KeyValuePair<string, object?>("cached", false));
        try
        {
            var vector = (await _generator.GenerateAsync([key], cancellationToken: cancellationToken))[0].Vector.ToArray();
            if (_cacheQuestions)
            {
                _questions.Set(key, vector, new MemoryCacheEntryOptions { Size = 1 });
            }
            return vector;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Unavailable(_logger, ex);
            return null;
        }
    }

    public void Dispose() => _questions.Dispose();

    /// <summary>Case and spacing do not change what a question means to the model.</summary>
    internal static string Normalize(string question) => string.Join(' ', question.Trim().ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [LoggerMessage(1151, LogLevel.Information, "Knowledge embedded: {Texts} texts, {Computed} computed, the rest from the cache, in {Milliseconds:0} ms")]
    private static partial void Embedded(ILogger logger, int texts, int computed, double milliseconds);

    [LoggerMessage(1153, LogLevel.Information, "Embedding {Computed} of {Texts} knowledge texts with the local model (later starts take them from the cache)...")]
    private static partial void Embedding(ILogger logger, int computed, int texts);

    [LoggerMessage(1152, LogLevel.Warning, "The embedding model is unavailable; ranking on keywords alone")]
    private static partial void Unavailable(ILogger logger, Exception exception);
}
