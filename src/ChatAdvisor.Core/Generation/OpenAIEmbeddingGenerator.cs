using Microsoft.Extensions.AI;
using OpenAI.Embeddings;
using AIEmbeddingOptions = Microsoft.Extensions.AI.EmbeddingGenerationOptions;
using OpenAIEmbeddingOptions = OpenAI.Embeddings.EmbeddingGenerationOptions;

namespace ChatAdvisor.Generation;

/// <summary>
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over the official OpenAI SDK's <see cref="EmbeddingClient"/>;
/// <paramref name="modelId"/> and <paramref name="endpoint"/> only describe it in <see cref="EmbeddingGeneratorMetadata"/>.
/// </summary>
public sealed class OpenAIEmbeddingGenerator(EmbeddingClient embeddingClient, string modelId, Uri? endpoint = null)
    : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingGeneratorMetadata _metadata = new("openai", endpoint, modelId);

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, AIEmbeddingOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputs = values.ToList();
        if (inputs.Count == 0)
        {
            return [];
        }
        var result = await embeddingClient.GenerateEmbeddingsAsync(
            inputs, new OpenAIEmbeddingOptions { Dimensions = options?.Dimensions }, cancellationToken);
        var collection = result.Value;
        var embeddings = collection.OrderBy(e => e.Index)
            .Select(e => new Embedding<float>(e.ToFloats()) { ModelId = collection.Model });
        return new GeneratedEmbeddings<Embedding<float>>(embeddings)
        {
            Usage = collection.Usage is { } usage
                ? new UsageDetails { InputTokenCount = usage.InputTokenCount, TotalTokenCount = usage.TotalTokenCount }
                : null,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // Nothing to release: the SDK client owns no disposable resources.
    }
}
