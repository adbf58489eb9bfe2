using System.Numerics.Tensors;
using ChatAdvisor.Knowledge.Embeddings;

namespace ChatAdvisor.Core.Tests.Knowledge;

public sealed class LocalEmbeddingGeneratorTests
{
    [Fact]
    public async Task Vectors_are_normalised_and_put_related_sentences_closer_than_unrelated_ones()
    {
        using var generator = new LocalEmbeddingGenerator();

        var vectors = await generator.GenerateAsync(
            ["What does an MLOps engineer earn?", "How much is the salary of an MLOps engineer?", "Where can I park my bicycle?"],
            cancellationToken: CancellationToken.None);

        Assert.All(vectors, v => Assert.Equal(LocalEmbeddingGenerator.Dimensions, v.Vector.Length));
        Assert.All(vectors, v => Assert.Equal(1f, TensorPrimitives.Norm(v.Vector.Span), 0.01f));
        var related = TensorPrimitives.CosineSimilarity(vectors[0].Vector.Span, vectors[1].Vector.Span);
        var unrelated = TensorPrimitives.CosineSimilarity(vectors[0].Vector.Span, vectors[2].Vector.Span);
        Assert.True(related > unrelated + 0.3f, $"related {related:0.00}, unrelated {unrelated:0.00}");
    }

    [Fact]
    public async Task A_cancelled_call_is_reported_as_a_cancellation_not_as_a_model_failure()
    {
        using var generator = new LocalEmbeddingGenerator();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            generator.GenerateAsync(["a question nobody will see answered"], cancellationToken: cancelled.Token));
    }
}
