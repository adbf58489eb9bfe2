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

    private readonly ILogger<KnowledgeBase> _logger;
    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private readonly Dictionary<string, KnowledgeDocument> _lastGood = new(StringComparer.Ordinal);
    private SynonymSet _lastGoodSynonyms = SynonymSet.Empty;
    private KnowledgeIndex? _current;

    public KnowledgeBase(IOptions<KnowledgeOptions> options, IHostEnvironment environment, ILogger<KnowledgeBase> logger)
    {
        _logger = logger;
        Folder = System.IO.Path.GetFullPath(options.Value.Path, environment.ContentRootPath);
    }

    public string Folder { get; }

    /// <summary>The index in service; loads on first use.</summary>
    public KnowledgeIndex Current => _current ?? LoadInitial();

    /// <summary>Problems found by the last load, one per bad file.</summary>
    public IReadOnlyList<KnowledgeProblem> Problems { get; private set; } = [];

    public int Version { get; private set; }

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloadLock.WaitAsync(cancellationToken);
        try
        {
            Reload();
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
            return _current ?? Reload();
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    private KnowledgeIndex Reload()
    {
        var problems = new List<KnowledgeProblem>();
        var documents = new List<KnowledgeDocument>();
        if (!Directory.Exists(Folder))
        {
            problems.Add(new KnowledgeProblem(Folder, 0, "the knowledge folder does not exist"));
        }
        else
        {
            _lastGoodSynonyms = LoadSynonyms(problems) ?? _lastGoodSynonyms;
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
        var index = KnowledgeIndex.Build(documents, _lastGoodSynonyms);
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

    private SynonymSet? LoadSynonyms(List<KnowledgeProblem> problems)
    {
        var path = System.IO.Path.Combine(Folder, SynonymsFile);
        if (!File.Exists(path))
        {
            return SynonymSet.Empty;
        }
        try
        {
            return SynonymSet.Parse(File.ReadAllText(path), SynonymsFile);
        }
        catch (Exception ex) when (ex is KnowledgeFormatException or IOException)
        {
            problems.Add(new KnowledgeProblem(SynonymsFile, (ex as KnowledgeFormatException)?.Line ?? 0, ex.Message));
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
