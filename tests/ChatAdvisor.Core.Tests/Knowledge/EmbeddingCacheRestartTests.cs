using ChatAdvisor.Core.Tests.Fakes;
using ChatAdvisor.Core.Tests.Generation;
using ChatAdvisor.Knowledge;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Core.Tests.Knowledge;

/// <summary>The on-disk vector cache across restarts, with the English guides and every translation embedded.</summary>
public sealed class EmbeddingCacheRestartTests
{
    [Fact]
    public void ARestartOverTheSameCacheEmbedsNothingForTheGuidesOrTheirTranslations()
    {
        using var cache = new TempFolder();
        var first = new FakeEmbeddingGenerator();
        var second = new FakeEmbeddingGenerator();

        var firstStart = Load(cache.Path, first);
        var secondStart = Load(cache.Path, second);

        Assert.True(first.Calls > 0);
        Assert.Equal(0, second.Calls);
        foreach (var knowledge in new[] { firstStart, secondStart })
        {
            Assert.NotNull(knowledge.Current.Semantic);
            Assert.All(knowledge.Languages.Where(l => l != "en"), l => Assert.NotNull(knowledge.Translated(l)!.Semantic));
        }
    }

    private static KnowledgeBase Load(string cacheFolder, FakeEmbeddingGenerator generator)
    {
        var services = GenerationFixtures.Build(new() { ["Embeddings:CachePath"] = cacheFolder },
            s => s.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(generator));
        var knowledge = services.GetRequiredService<KnowledgeBase>();
        _ = knowledge.Current;
        return knowledge;
    }
}
