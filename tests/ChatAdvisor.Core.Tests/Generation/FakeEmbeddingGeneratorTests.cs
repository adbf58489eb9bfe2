using ChatAdvisor.Core.Tests.Fakes;

namespace ChatAdvisor.Core.Tests.Generation;

/// <summary>The embedding fake is deterministic and similarity follows shared words.</summary>
public sealed class FakeEmbeddingGeneratorTests
{
    [Fact]
    public async Task SameTextSameVectorAndSharedWordsAreCloser()
    {
        using var generator = new FakeEmbeddingGenerator();

        var vectors = await generator.GenerateAsync(["MLOps salary in Europe", "mlops salary in europe", "Python skills"]);

        Assert.Equal(vectors[0].Vector.ToArray(), vectors[1].Vector.ToArray());
        Assert.Equal(1f, Dot(vectors[0].Vector.Span, vectors[1].Vector.Span), 3);
        Assert.True(Dot(vectors[0].Vector.Span, vectors[2].Vector.Span) < 0.5f);
        Assert.Equal(1, generator.Calls);
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
