using ChatAdvisor.Knowledge;
using ChatAdvisor.Knowledge.Embeddings;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Advice;

/// <summary>
/// Hybrid retrieval: BM25 over the analysed words and cosine similarity of sentence embeddings, blended into one
/// rank. With embeddings on, the confidence that decides abstention is mostly semantic (how close the question is
/// to the section's best sentence or question), tempered by how many of its topic words the section has; without
/// them it is the word coverage alone, as a keyword index can only judge words.
/// </summary>
public sealed class Retriever(KnowledgeBase knowledge, IOptions<AdviceOptions> options)
{
    public async Task<Retrieval> SearchAsync(string question, AdviceContext context, CancellationToken cancellationToken)
    {
        var index = knowledge.For(context.Language);
        var query = QueryAnalyzer.Analyze(question, index, context,
            index.Language.IsEnglish ? null : knowledge.Messages(index.Language.Code).Get(Languages.MessageKeys.ComparisonWords));
        var similarities = await SimilaritiesAsync(index, question, query, context, cancellationToken);
        return Rank(index, query, context, similarities);
    }

    private async Task<SectionSimilarity[]?> SimilaritiesAsync(
        KnowledgeIndex index, string question, QueryAnalysis query, AdviceContext context, CancellationToken cancellationToken)
    {
        if (index.Semantic is null || knowledge.Embedder is null || query.OffTopic is not null)
        {
            return null;
        }
        // Sections are embedded as "Role: sentence"; a follow-up that names no role is about the one being discussed.
        var roles = query.GuideIds.Select(g => index.Documents.FirstOrDefault(d => d.Id == g)?.Role).OfType<string>().Distinct().ToList();
        var repaired = Repaired(index, question);
        var text = !query.NamesRole && roles.Count == 1 ? $"{roles[0]}: {repaired}" : repaired;
        // "and in Germany?" means little alone: read it against the section being discussed.
        if (context.LastSectionKey is { } last && index.Chunks.FirstOrDefault(c => c.Key == last) is { } previous)
        {
            if (query.NamesRole && query.TopicTerms.Count == 0 && roles.Count == 1)
            {
                // "and ML engineers?" after a salary answer: the same topic for the role now named.
                text = $"{roles[0]}: {previous.Heading}";
            }
            else if (query.TopicTerms.Count(index.Contains) <= 1 && (query.IsFollowUp || query.IsComparison))
            {
                text = $"{previous.Role}: {previous.Heading}. {repaired}";
            }
        }
        var vector = await knowledge.Embedder.EmbedQuestionAsync(text, cancellationToken);
        return vector is null ? null : index.Semantic.Score(vector);
    }

    /// <summary>
    /// The question with its typos mended as the keyword index mends them ("machin lerning" → "machine learning"),
    /// and, in English, chat shorthand written out ("rn" → "right now"), which the embedding model reads poorly.
    /// </summary>
    internal static string Repaired(KnowledgeIndex index, string question)
    {
        var words = question.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var changed = false;
        for (var i = 0; i < words.Length; i++)
        {
            if (index.Language.IsEnglish && Shorthand.TryGetValue(words[i].TrimEnd('?', '!', '.', ','), out var written))
            {
                words[i] = written;
                changed = true;
                continue;
            }
            var word = TermAnalyzer.Words(words[i]).FirstOrDefault();
            if (word is null || index.Analyzer.IsStopWord(word))
            {
                continue;
            }
            var stem = index.Analyzer.Stem(word);
            var repair = index.Repair(stem);
            if (repair != stem && !index.Analyzer.IsStopWord(repair))
            {
                words[i] = repair;
                changed = true;
            }
        }
        return changed ? string.Join(' ', words) : question;
    }

    private static readonly Dictionary<string, string> Shorthand = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rn"] = "right now", ["atm"] = "at the moment", ["u"] = "you", ["ur"] = "your", ["r"] = "are", ["ppl"] = "people",
        ["pls"] = "please", ["plz"] = "please", ["w/"] = "with", ["w/o"] = "without", ["b/c"] = "because", ["bc"] = "because",
        ["tbh"] = "to be honest", ["imo"] = "in my opinion", ["idk"] = "I don't know", ["yrs"] = "years", ["yr"] = "year",
        ["exp"] = "experience", ["govt"] = "government", ["diff"] = "difference", ["btw"] = "by the way", ["thx"] = "thanks",
    };

    internal Retrieval Rank(KnowledgeIndex index, QueryAnalysis query, AdviceContext context, SectionSimilarity[]? similarities)
    {
        if (query.OffTopic is not null || query.MentionsOtherProfession)
        {
            return new Retrieval(query, [], similarities is not null);
        }
        var weights = options.Value;
        var keyword = KeywordScores(index, query);
        var topicWeight = query.TopicTerms.Sum(t => index.Contains(t) ? index.Idf(t) : index.Idf("\u0000"));
        var candidates = Enumerable.Range(0, index.Chunks.Count)
            .Where(i => query.GuideIds.Count == 0 || query.GuideIds.Contains(index.Chunks[i].GuideId));
        var ranked = new List<RankedSection>();
        foreach (var i in candidates)
        {
            var chunk = index.Chunks[i];
            var coverage = topicWeight == 0 ? 0 : query.TopicTerms.Where(index.ChunkTerms[i].Contains).Sum(index.Idf) / topicWeight;
            var bm25 = keyword.GetValueOrDefault(i);
            var sameTopic = query.IsFollowUp && chunk.Key == context.LastSectionKey ? weights.FollowUpBonus : 0;
            var similarity = similarities?[i];
            double meaning = similarity?.Best ?? 0;
            double score, confidence;
            if (similarity is null)
            {
                score = (0.7 * coverage) + (0.3 * bm25) + sameTopic;
                confidence = coverage;
            }
            else
            {
                score = (weights.MeaningWeight * meaning) + ((1 - weights.MeaningWeight) * ((0.6 * coverage) + (0.4 * bm25))) + sameTopic;
                confidence = (weights.ConfidenceMeaningWeight * meaning) + ((1 - weights.ConfidenceMeaningWeight) * coverage);
            }
            if (query.TopicTerms.Count == 0 && similarity is null)
            {
                // "Tell me about ML engineers": no topic, so the guide's opening section (or the one being discussed).
                score = chunk.Key == context.LastSectionKey ? 1.0 : index.Documents.Any(d => d.Chunks.Count > 0 && d.Chunks[0].Key == chunk.Key) ? 0.9 : 0;
                confidence = score > 0 ? 1.0 : 0;
            }
            ranked.Add(new RankedSection(chunk, i, meaning, coverage, bm25, score, confidence + sameTopic, similarity));
        }
        return new Retrieval(query, [.. ranked.Where(r => r.Score > 0).OrderByDescending(r => r.Score)], similarities is not null);
    }

    /// <summary>BM25 of the sections that contain a topic word, scaled so the best is 1.</summary>
    private static Dictionary<int, double> KeywordScores(KnowledgeIndex index, QueryAnalysis query)
    {
        var hits = query.TopicTerms.Count == 0 ? [] : index.Search(query.TopicTerms, query.GuideIds.Count > 0 ? query.GuideIds : null, 50);
        var max = hits.Count == 0 ? 1 : hits.Max(h => h.Score);
        return hits.ToDictionary(h => h.Ordinal, h => max <= 0 ? 0 : h.Score / max);
    }
}
