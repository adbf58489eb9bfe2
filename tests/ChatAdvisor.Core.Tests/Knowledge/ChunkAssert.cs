using ChatAdvisor.Knowledge;

namespace ChatAdvisor.Core.Tests.Knowledge;

/// <summary>Helpers for looking into imported sections.</summary>
internal static class ChunkAssert
{
    public static Chunk Section(KnowledgeDocument document, string sectionId) =>
        document.Chunks.SingleOrDefault(c => c.SectionId == sectionId)
        ?? throw new Xunit.Sdk.XunitException(
            $"no section '{sectionId}' in {document.Id}; sections: {string.Join(", ", document.Chunks.Select(c => c.SectionId))}");

    public static string[] Bullets(Chunk chunk) =>
        [.. chunk.Text.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..])];

    public static string[] Paragraphs(Chunk chunk) =>
        [.. chunk.Text.Split("\n\n").Where(p => !p.StartsWith("- ", StringComparison.Ordinal))];

    public static void NoEmptySections(KnowledgeDocument document)
    {
        Assert.NotEmpty(document.Chunks);
        Assert.All(document.Chunks, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Heading), $"{c.Key} has no heading");
            Assert.False(string.IsNullOrWhiteSpace(c.Text), $"{c.Key} has no text");
        });
        Assert.Equal(document.Chunks.Count, document.Chunks.Select(c => c.SectionId).Distinct().Count());
    }
}
