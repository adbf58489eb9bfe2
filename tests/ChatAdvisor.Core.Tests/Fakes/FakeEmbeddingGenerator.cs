using System.Text;
using Microsoft.Extensions.AI;

namespace ChatAdvisor.Core.Tests.Fakes;

/// <summary>
/// Deterministic embeddings: each lower-cased word is hashed (FNV-1a, stable across runs, unlike
/// <see cref="string.GetHashCode()"/>) into one of <see cref="Dimensions"/> buckets and the counts are L2-normalised,
/// so texts sharing words have a positive cosine similarity.
/// </summary>
public sealed class FakeEmbeddingGenerator(int dimensions = 64) : IEmbeddingGenerator<string, Embedding<float>>
{
    private int _calls;

    public int Dimensions { get; } = dimensions;

    public int Calls => _calls;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _calls);
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(Vector(v)))));
    }

    public float[] Vector(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            vector[Hash(word.Trim('.', ',', '?', '!', ';', ':')) % (uint)Dimensions]++;
        }
        var length = MathF.Sqrt(vector.Sum(x => x * x));
        return length == 0 ? vector : vector.Select(x => x / length).ToArray();
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private static uint Hash(string word)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(word))
        {
            hash = (hash ^ b) * 16777619u;
        }
        return hash;
    }
}
