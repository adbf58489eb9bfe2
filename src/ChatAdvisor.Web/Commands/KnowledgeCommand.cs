using System.Globalization;
using ChatAdvisor.Knowledge;

namespace ChatAdvisor.Web.Commands;

/// <summary>
/// <c>knowledge</c>: loads the guides and their translations as the host would (embedding what the vector cache
/// lacks), prints what each language has, lists every problem and exits 1 when there is one. For whoever edits
/// <c>knowledge/</c>, and to fill the vector cache before the first start.
/// </summary>
internal static class KnowledgeCommand
{
    public const string Name = "knowledge";

    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var knowledge = services.GetRequiredService<KnowledgeBase>();
        await knowledge.ReloadAsync(cancellationToken);
        foreach (var language in knowledge.Languages)
        {
            var index = knowledge.For(language);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{language}: {index.Documents.Count} guides, {index.Chunks.Count} sections, {(index.Semantic is null ? "keywords only" : $"embedded ({index.Semantic.Model})")}"));
        }
        foreach (var problem in knowledge.Problems)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{problem.File}:{problem.Line}: {problem.Message}"));
        }
        return knowledge.Problems.Count == 0 ? 0 : 1;
    }
}
