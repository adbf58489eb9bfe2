using System.Collections.Concurrent;
using ChatAdvisor.Knowledge.Embeddings;
using Microsoft.Data.Sqlite;

namespace ChatAdvisor.Knowledge;

/// <summary>
/// An immutable BM25 index (SQLite FTS5, in memory) over the sections of one set of guides. A reload builds a
/// new index and swaps it in; searches already running keep the old one.
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    private readonly SqliteConnection _anchor;
    private readonly string _connectionString;
    private readonly Dictionary<string, int> _documentFrequency;
    private readonly HashSet<string> _wordKeys;
    private readonly Dictionary<string, int> _ordinals;
    private readonly ConcurrentDictionary<string, string> _repairs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]?> _compounds = new(StringComparer.Ordinal);

    private KnowledgeIndex(IReadOnlyList<KnowledgeDocument> documents, SynonymSet synonyms, IntentExamples intents, TermAnalyzer analyzer)
    {
        Analyzer = analyzer;
        Documents = documents;
        Synonyms = synonyms;
        Intents = intents;
        Chunks = [.. documents.SelectMany(d => d.Chunks)];
        Units = [.. Chunks.Select(c => SectionUnits.Split(c.Text))];
        _ordinals = new(StringComparer.Ordinal);
        for (var i = 0; i < Chunks.Count; i++)
        {
            _ordinals.TryAdd(Chunks[i].Key, i);
        }
        ChunkTerms = [.. Chunks.Select(c => analyzer.Terms($"{c.Heading} {string.Join(' ', c.AlternateQuestions)} {c.Text}", synonyms).ToHashSet(StringComparer.Ordinal))];
        _wordKeys = [.. Chunks.SelectMany(c => analyzer.Keys($"{c.Heading} {string.Join(' ', c.AlternateQuestions)} {c.Text}"))
            .Concat(documents.SelectMany(d => d.Aliases.Append(d.Role)).SelectMany(analyzer.Keys))
            .Concat(synonyms.Members)
            .Where(k => !analyzer.IsStopWord(k))];
        RoleAliases = [.. documents.SelectMany(d => d.Aliases.Append(d.Role).Select(a => new RoleAlias(d.Id, analyzer.Terms(a, synonyms))))
            .Where(a => a.Terms.Count > 0)];
        _documentFrequency = new(StringComparer.Ordinal);
        foreach (var term in ChunkTerms.SelectMany(t => t))
        {
            _documentFrequency[term] = _documentFrequency.GetValueOrDefault(term) + 1;
        }
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = $"file:knowledge-{Guid.NewGuid():N}?mode=memory&cache=shared",
            Mode = SqliteOpenMode.Memory,
            Cache = SqliteCacheMode.Shared,
        }.ToString();
        _anchor = new SqliteConnection(_connectionString);
        _anchor.Open();
        Load();
    }

    public IReadOnlyList<KnowledgeDocument> Documents { get; }

    /// <summary>How this index's language compares words; every question asked of it goes through the same.</summary>
    public TermAnalyzer Analyzer { get; }

    public Languages.LanguageProfile Language => Analyzer.Language;

    public IReadOnlyList<Chunk> Chunks { get; }

    public SynonymSet Synonyms { get; }

    /// <summary>Example phrasings of the hand-off intents (<c>intents.yaml</c>).</summary>
    public IntentExamples Intents { get; }

    /// <summary>The sentences and bullets of each chunk, in <see cref="Chunks"/> order.</summary>
    public IReadOnlyList<IReadOnlyList<SectionUnit>> Units { get; }

    /// <summary>Vectors of every section, when an embedding model is on; null means keyword ranking alone.</summary>
    public SemanticIndex? Semantic { get; private set; }

    /// <summary>The analysed terms of each chunk, in <see cref="Chunks"/> order.</summary>
    public IReadOnlyList<HashSet<string>> ChunkTerms { get; }

    public IEnumerable<string> Vocabulary => _documentFrequency.Keys;

    /// <summary>Each guide's role names as terms, for spotting which role a question is about.</summary>
    public IReadOnlyList<RoleAlias> RoleAliases { get; }

    public static KnowledgeIndex Build(IReadOnlyList<KnowledgeDocument> documents, SynonymSet synonyms, IntentExamples? intents = null, TermAnalyzer? analyzer = null) =>
        new(documents, synonyms, intents ?? IntentExamples.Empty, analyzer ?? TermAnalyzer.English);

    /// <summary>Attaches the section vectors, once, before the index is put in service.</summary>
    internal KnowledgeIndex WithSemantic(SemanticIndex? semantic)
    {
        Semantic = semantic;
        return this;
    }

    /// <summary>The position of the section with this key in <see cref="Chunks"/>, or -1.</summary>
    public int OrdinalOf(string key) => _ordinals.GetValueOrDefault(key, -1);

    public bool Contains(string term) => _documentFrequency.ContainsKey(term);

    /// <summary>Inverse document frequency of a term; unknown terms get the highest weight.</summary>
    public double Idf(string term)
    {
        var n = Chunks.Count;
        var df = _documentFrequency.GetValueOrDefault(term);
        return Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
    }

    /// <summary>
    /// A question's word key as the index knows it: itself, its typo repaired, or, in a language that joins words
    /// ("Modellüberwachung"), the known words it is made of ("modell", "uberwach").
    /// </summary>
    public IEnumerable<string> Normalize(string key)
    {
        if (Analyzer.Language.CompoundWords && key.Length >= 8 && !_wordKeys.Contains(key) && !char.IsDigit(key[0]))
        {
            var parts = _compounds.GetOrAdd(key, Split);
            if (parts is not null)
            {
                return parts;
            }
        }
        return [Repair(key)];
    }

    /// <summary>Two known words (the second stemmed as the analyser would), optionally joined by s, n, e, en or er.</summary>
    private string[]? Split(string key)
    {
        for (var i = key.Length - 4; i >= 4; i--)
        {
            var head = key[..i];
            var tail = Analyzer.Stem(key[i..]);
            if (!_wordKeys.Contains(tail))
            {
                continue;
            }
            foreach (var joint in (string[])["", "s", "n", "e", "en", "er"])
            {
                if (head.EndsWith(joint, StringComparison.Ordinal) && head.Length - joint.Length >= 4
                    && _wordKeys.Contains(Analyzer.Stem(head[..^joint.Length])))
                {
                    return [Analyzer.Stem(head[..^joint.Length]), tail];
                }
            }
        }
        return null;
    }

    /// <summary>
    /// Replaces an unknown word key by the closest known one when it is close enough to be a typo
    /// ("salery" → "salary"); leaves it alone otherwise.
    /// </summary>
    public string Repair(string key)
    {
        if (key.Length < 4 || _wordKeys.Contains(key) || char.IsDigit(key[0]))
        {
            return key;
        }
        return _repairs.GetOrAdd(key, Closest);
    }

    private string Closest(string key)
    {
        // Edit distance first: 1 for short words (same first letter), 2 from eight letters on.
        var allowed = key.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = allowed + 1;
        foreach (var candidate in _wordKeys.Concat(Analyzer.StopWords))
        {
            if (Math.Abs(candidate.Length - key.Length) > allowed || candidate.Length < 3 || (key.Length < 6 && candidate[0] != key[0]))
            {
                continue;
            }
            var distance = EditDistance.Compute(key, candidate, allowed);
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best is not null)
        {
            return best;
        }
        // Then another form of the same word ("integrate" / "integration"): a long shared beginning.
        var prefix = 0;
        foreach (var candidate in _wordKeys)
        {
            var shared = SharedPrefix(key, candidate);
            if (shared >= 6 && shared >= 0.7 * Math.Min(key.Length, candidate.Length) && shared > prefix)
            {
                best = candidate;
                prefix = shared;
            }
        }
        return best ?? key;
    }

    private static int SharedPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }
        return n;
    }

    /// <summary>Ranks sections by BM25 for the given terms, optionally limited to some guides.</summary>
    public List<SearchHit> Search(IReadOnlyCollection<string> terms, IReadOnlyCollection<string>? guideIds, int limit)
    {
        var known = terms.Where(Contains).Distinct(StringComparer.Ordinal).ToList();
        if (known.Count == 0)
        {
            return [];
        }
        var match = string.Join(" OR ", known.Select(t => $"\"{t}\""));
        if (guideIds is { Count: > 0 })
        {
            match = $"guide : ({string.Join(" OR ", guideIds.Select(g => $"\"{Token(g)}\""))}) AND ({match})";
        }
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT rowid, bm25(chunk_fts, 0.0, 4.0, 3.0, 1.0) AS score
            FROM chunk_fts WHERE chunk_fts MATCH $match ORDER BY score LIMIT $limit
            """;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var hits = new List<SearchHit>();
        while (reader.Read())
        {
            // FTS5 bm25() is negative, lower is better; flip it so higher is better.
            hits.Add(new SearchHit(Chunks[(int)reader.GetInt64(0) - 1], -reader.GetDouble(1), (int)reader.GetInt64(0) - 1));
        }
        return hits;
    }

    public void Dispose() => _anchor.Dispose();

    private static string Token(string guideId) => guideId.Replace('-', '_');

    private void Load()
    {
        using var transaction = _anchor.BeginTransaction();
        using (var create = _anchor.CreateCommand())
        {
            create.CommandText = """CREATE VIRTUAL TABLE chunk_fts USING fts5(guide, heading, questions, body, tokenize = "unicode61 tokenchars '_'")""";
            create.ExecuteNonQuery();
        }
        using var insert = _anchor.CreateCommand();
        insert.CommandText = "INSERT INTO chunk_fts (rowid, guide, heading, questions, body) VALUES ($id, $guide, $heading, $questions, $body)";
        var id = insert.Parameters.Add("$id", SqliteType.Integer);
        var guide = insert.Parameters.Add("$guide", SqliteType.Text);
        var heading = insert.Parameters.Add("$heading", SqliteType.Text);
        var questions = insert.Parameters.Add("$questions", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        for (var i = 0; i < Chunks.Count; i++)
        {
            var chunk = Chunks[i];
            id.Value = i + 1;
            guide.Value = Token(chunk.GuideId);
            heading.Value = Analyze(chunk.Heading);
            questions.Value = Analyze(string.Join(" . ", chunk.AlternateQuestions));
            body.Value = Analyze(chunk.Text);
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private string Analyze(string text) =>
        string.Join(' ', Analyzer.Terms(text, Synonyms));
}

/// <summary>One way of naming a guide's role, as analysed terms.</summary>
public sealed record RoleAlias(string GuideId, IReadOnlyList<string> Terms);

/// <summary>A retrieved section with its BM25 score (higher is better).</summary>
public sealed record SearchHit(Chunk Chunk, double Score, int Ordinal);
