using System.Runtime.CompilerServices;
using ChatAdvisor.Knowledge;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace ChatAdvisor.Advice;

/// <summary>
/// Optional semantic similarity between a question and each section, when an embedding generator is configured.
/// Section vectors are computed once per index. Any failure means "no semantic scores": retrieval then works on
/// its own, as it does without configuration.
/// </summary>
public sealed partial class SemanticScorer(ILogger<SemanticScorer> logger, IEmbeddingGenerator<string, Embedding<float>>? generator = null)
{
    private readonly ConditionalWeakTable<KnowledgeIndex, Task<float[][]>> _sections = [];

    public bool IsEnabled => generator is not null;

    /// <summary>Cosine similarity of the question with every section (by ordinal), or null when unavailable.</summary>
    public async Task<IReadOnlyList<double>?> ScoreAsync(KnowledgeIndex index, string question, CancellationToken cancellationToken)
    {
        if (generator is null || index.Chunks.Count == 0)
        {
            return null;
        }
        try
        {
            var sections = await _sections.GetValue(index, i => EmbedSectionsAsync(i));
            var query = (await generator.GenerateAsync([question], cancellationToken: cancellationToken))[0].Vector.ToArray();
            return [.. sections.Select(s => Cosine(s, query))];
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _sections.Remove(index);
            Unavailable(logger, ex);
            return null;
        }
    }

    private async Task<float[][]> EmbedSectionsAsync(KnowledgeIndex index)
    {
        var texts = index.Chunks.Select(c => $"{c.GuideTitle}: {c.Heading}\n{string.Join(' ', c.AlternateQuestions)}\n{c.Text}").ToList();
        var vectors = new List<float[]>(texts.Count);
        foreach (var batch in texts.Chunk(64))
        {
            vectors.AddRange((await generator!.GenerateAsync(batch)).Select(e => e.Vector.ToArray()));
        }
        return [.. vectors];
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    [LoggerMessage(21, LogLevel.Warning, "Semantic scores are unavailable; answering on keyword retrieval alone")]
    private static partial void Unavailable(ILogger logger, Exception exception);
}
