using ChatAdvisor.Knowledge.Embeddings;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Knowledge;

/// <summary>
/// Holds the current index of <c>knowledge/</c>. A file that fails to parse is reported and, if an earlier
/// version of it loaded, that version stays in service; the bot never goes down for a bad file.
/// </summary>
public sealed class KnowledgeBase : IDisposable
{
    private const string SynonymsFile = "synonyms.yaml";
    private const string IntentsFile = "intents.yaml";

    private readonly ILogger<KnowledgeBase> _logger;
    private readonly KnowledgeEmbedder? _embedder;
    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private readonly Dictionary<string, KnowledgeDocument> _lastGood = new(StringComparer.Ordinal);
    private SynonymSet _lastGoodSynonyms = SynonymSet.Empty;
    private IntentExamples _lastGoodIntents = IntentExamples.Empty;
    private KnowledgeIndex? _current;

    public KnowledgeBase(
        IOptions<KnowledgeOptions> options, IHostEnvironment environment, ILogger<KnowledgeBase> logger, KnowledgeEmbedder? embedder = null)
    {
        _logger = logger;
        _embedder = embedder;
        Folder = ContentPaths.Resolve(options.Value.Path, environment);
    }

    public string Folder { get; }

    /// <summary>The index in service; loads on first use (the host loads it at start-up).</summary>
    public KnowledgeIndex Current => _current ?? LoadInitial();

    /// <summary>The embedder behind <see cref="KnowledgeIndex.Semantic"/>, for embedding questions the same way.</summary>
    public KnowledgeEmbedder? Embedder => _embedder;

    /// <summary>Problems found by the last load, one per bad file.</summary>
    public IReadOnlyList<KnowledgeProblem> Problems { get; private set; } = [];

    public int Version { get; private set; }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloadLock.WaitAsync(cancellationToken);
        try
        {
            await ReloadCoreAsync(cancellationToken);
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    public void Dispose()
    {
        _current?.Dispose();
        _reloadLock.Dispose();
    }

    private KnowledgeIndex LoadInitial()
    {
        _reloadLock.Wait();
        try
        {
            // Only when something asks before the host has loaded it (tests, commands): the local model is synchronous.
            return _current ?? ReloadCoreAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    private async Task<KnowledgeIndex> ReloadCoreAsync(CancellationToken cancellationToken)
    {
        var problems = new List<KnowledgeProblem>();
        var documents = new List<KnowledgeDocument>();
        if (!Directory.Exists(Folder))
        {
            problems.Add(new KnowledgeProblem(Folder, 0, "the knowledge folder does not exist"));
        }
        else
        {
            _lastGoodSynonyms = Load(SynonymsFile, SynonymSet.Parse, SynonymSet.Empty, problems) ?? _lastGoodSynonyms;
            _lastGoodIntents = Load(IntentsFile, IntentExamples.Parse, IntentExamples.Empty, problems) ?? _lastGoodIntents;
            foreach (var file in GuideFiles())
            {
                var document = LoadGuide(file, problems);
                if (document is not null && documents.Any(d => d.Id == document.Id))
                {
                    problems.Add(new KnowledgeProblem(file, 1, $"guide id '{document.Id}' is already used by another file"));
                }
                else if (document is not null)
                {
                    documents.Add(document);
                }
            }
        }
        foreach (var problem in problems)
        {
            KnowledgeLog.BadKnowledgeFile(_logger, problem.File, problem.Line, problem.Message);
        }
        var index = KnowledgeIndex.Build(documents, _lastGoodSynonyms, _lastGoodIntents);
        if (_embedder is not null)
        {
            index.WithSemantic(await _embedder.EmbedAsync(index, cancellationToken));
        }
        var previous = _current;
        _current = index;
        Problems = problems;
        Version++;
        previous?.Dispose();
        KnowledgeLog.Loaded(_logger, documents.Count, index.Chunks.Count, problems.Count);
        return index;
    }

    private IEnumerable<string> GuideFiles() =>
        Directory.EnumerateFiles(Folder, "*.*", SearchOption.AllDirectories)
            .Where(f => GuideImporter.CanImport(f) && !IsDocumentation(f))
            .Order(StringComparer.Ordinal);

    /// <summary>The folder's README and the notices (such as the privacy notice) are not guides.</summary>
    private bool IsDocumentation(string file)
    {
        var relative = System.IO.Path.GetRelativePath(Folder, file);
        return string.Equals(relative, "README.md", StringComparison.OrdinalIgnoreCase)
            || string.Equals(relative, IntentsFile, StringComparison.Ordinal)
            || relative.StartsWith("notices" + System.IO.Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase);
    }

    private KnowledgeDocument? LoadGuide(string file, List<KnowledgeProblem> problems)
    {
        var relative = System.IO.Path.GetRelativePath(Folder, file);
        try
        {
            var document = GuideImporter.Import(file, relative);
            _lastGood[file] = document;
            return document;
        }
        catch (Exception ex) when (ex is KnowledgeFormatException or IOException or InvalidDataException)
        {
            problems.Add(ex is KnowledgeFormatException k
                ? new KnowledgeProblem(relative, k.Line, KnowledgeProblem.Describe(k))
                : new KnowledgeProblem(relative, 0, ex.Message));
            return _lastGood.GetValueOrDefault(file);
        }
    }

    /// <summary>An optional YAML file beside the guides; null (keep the last good one) when it does not parse.</summary>
    private T? Load<T>(string name, Func<string, string, T> parse, T empty, List<KnowledgeProblem> problems) where T : class
    {
        var path = System.IO.Path.Combine(Folder, name);
        if (!File.Exists(path))
        {
            return empty;
        }
        try
        {
            return parse(File.ReadAllText(path), name);
        }
        catch (Exception ex) when (ex is KnowledgeFormatException or IOException)
        {
            problems.Add(new KnowledgeProblem(name, (ex as KnowledgeFormatException)?.Line ?? 0, ex is KnowledgeFormatException k ? KnowledgeProblem.Describe(k) : ex.Message));
            return null;
        }
    }
}

/// <summary>A knowledge file that could not be used, and why.</summary>
public sealed record KnowledgeProblem(string File, int Line, string Message)
{
    internal static string Describe(KnowledgeFormatException ex) =>
        ex.Message[(ex.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..];
}
