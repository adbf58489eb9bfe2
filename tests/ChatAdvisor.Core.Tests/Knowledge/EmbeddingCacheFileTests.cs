namespace ChatAdvisor.Core.Tests.Knowledge;

/// <summary>The cache file itself: what a save keeps.</summary>
public sealed class EmbeddingCacheFileTests
{
    [Fact]
    public void HostsOverOtherKnowledgeSharingTheFileKeepEachOthersVectors()
    {
        using var folder = new TempFolder();
        var first = new ChatAdvisor.Knowledge.Embeddings.EmbeddingCache(folder.Path, "model");
        first.Add("english section", [1f, 0f]);
        first.Save(["english section"]);

        var second = new ChatAdvisor.Knowledge.Embeddings.EmbeddingCache(folder.Path, "model");
        second.Add("a test's own section", [0f, 1f]);
        second.Save(["a test's own section"]);

        var reloaded = new ChatAdvisor.Knowledge.Embeddings.EmbeddingCache(folder.Path, "model");
        Assert.True(reloaded.TryGet("english section", out var english));
        Assert.Equal([1f, 0f], english);
        Assert.True(reloaded.TryGet("a test's own section", out _));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public void VectorsNoLongerAskedForAreDroppedOnceThereAreTooMany()
    {
        using var folder = new TempFolder();
        var cache = new ChatAdvisor.Knowledge.Embeddings.EmbeddingCache(folder.Path, "model");
        var old = Enumerable.Range(0, ChatAdvisor.Knowledge.Embeddings.EmbeddingCache.MaxStale + 1).Select(i => $"edited away {i}").ToList();
        old.ForEach(t => cache.Add(t, [1f]));
        cache.Save(old);
        cache.Add("current", [1f]);

        cache.Save(["current"]);

        var reloaded = new ChatAdvisor.Knowledge.Embeddings.EmbeddingCache(folder.Path, "model");
        Assert.Equal(1, reloaded.Count);
        Assert.True(reloaded.TryGet("current", out _));
    }
}
