using System.Numerics.Tensors;

namespace ChatAdvisor.Knowledge.Embeddings;

/// <summary>
/// Vectors for every section of one index: its heading, each alternate question and each sentence or bullet.
/// A question is compared with all of them; a section scores as its best match.
/// </summary>
public sealed class SemanticIndex
{
    private readonly float[][] _headings;
    private readonly float[][][] _questions;
    private readonly float[][][] _units;

    internal SemanticIndex(string model, float[][] headings, float[][][] questions, float[][][] units, IReadOnlyList<(string Intent, float[] Vector)> intents)
    {
        Model = model;
        Intents = intents;
        _headings = headings;
        _questions = questions;
        _units = units;
    }

    /// <summary>The embedding model the vectors came from; questions must be embedded by the same one.</summary>
    public string Model { get; }

    /// <summary>The vectors of the hand-off intents' examples.</summary>
    public IReadOnlyList<(string Intent, float[] Vector)> Intents { get; }

    /// <summary>The texts embedded for a section, in the order <see cref="Build"/> expects their vectors.</summary>
    public static IEnumerable<string> Texts(Chunk chunk, IReadOnlyList<SectionUnit> units) =>
        [HeadingText(chunk), .. chunk.AlternateQuestions, .. units.Select(u => UnitText(chunk, u))];

    public static string HeadingText(Chunk chunk) => $"{chunk.Role}: {chunk.Heading}";

    // The role goes with each sentence, so "they earn…" in the ML engineer guide is about ML engineers.
    public static string UnitText(Chunk chunk, SectionUnit unit) => $"{chunk.Role}: {unit.Text}";

    internal static SemanticIndex Build(string model, KnowledgeIndex index, Func<string, float[]> vector)
    {
        var count = index.Chunks.Count;
        var headings = new float[count][];
        var questions = new float[count][][];
        var units = new float[count][][];
        for (var i = 0; i < count; i++)
        {
            var chunk = index.Chunks[i];
            headings[i] = vector(HeadingText(chunk));
            questions[i] = [.. chunk.AlternateQuestions.Select(vector)];
            units[i] = [.. index.Units[i].Select(u => vector(UnitText(chunk, u)))];
        }
        return new SemanticIndex(model, headings, questions, units, [.. index.Intents.Examples.Select(e => (e.Intent, vector(e.Text)))]);
    }

    /// <summary>How close the question is to each section, and to each of its sentences.</summary>
    public SectionSimilarity[] Score(ReadOnlySpan<float> query)
    {
        var scores = new SectionSimilarity[_headings.Length];
        for (var i = 0; i < _headings.Length; i++)
        {
            var heading = Cosine(_headings[i], query);
            var question = Max(_questions[i], query, out _);
            var unitScores = new float[_units[i].Length];
            for (var u = 0; u < unitScores.Length; u++)
            {
                unitScores[u] = Cosine(_units[i][u], query);
            }
            var unit = unitScores.Length == 0 ? 0 : TensorPrimitives.Max<float>(unitScores);
            scores[i] = new SectionSimilarity(Math.Max(heading, Math.Max(question, unit)), heading, question, unit, unitScores);
        }
        return scores;
    }

    private static float Max(float[][] vectors, ReadOnlySpan<float> query, out int best)
    {
        var max = 0f;
        best = -1;
        for (var i = 0; i < vectors.Length; i++)
        {
            var score = Cosine(vectors[i], query);
            if (score > max)
            {
                (max, best) = (score, i);
            }
        }
        return max;
    }

    // Both sides are normalised by the models used here, but a remote model need not be: full cosine.
    private static float Cosine(float[] a, ReadOnlySpan<float> b) =>
        a.Length == b.Length ? TensorPrimitives.CosineSimilarity(a, b) : 0;
}

/// <summary>A question's closeness to one section: overall (the best of the rest), heading, alternate questions, sentences.</summary>
public sealed record SectionSimilarity(float Best, float Heading, float Question, float Unit, float[] Units);
