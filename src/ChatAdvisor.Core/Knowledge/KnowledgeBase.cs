using ChatAdvisor.Knowledge.Embeddings;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Knowledge;

/// <summary>
/// Holds the current index of <c>knowledge/</c>: the English guides at its top, and one index per translated language
/// (<c>knowledge/de/</c>, <c>knowledge/fr/</c>, …, each with its own guides and, optionally, synonyms and intents).
/// A file that fails to parse is reported and, if an earlier version of it loaded, that version stays in service;
/// the bot never goes down for a bad file.
/// </summary>
public sealed class KnowledgeBase : IDisposable
{
    private const string SynonymsFile = "synonyms.yaml";
    private const string IntentsFile = "intents.yaml";
    private const string MessagesFile = "messages.yaml";

    private readonly ILogger<KnowledgeBase> _logger;
    private readonly KnowledgeEmbedder? _embedder;
    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private readonly Dictionary<string, KnowledgeDocument> _lastGood = new(StringComparer.Ordinal);
    private SynonymSet _lastGoodSynonyms = SynonymSet.Empty;
    private IntentExamples _lastGoodIntents = IntentExamples.Empty;
    private KnowledgeIndex? _current;
    private IReadOnlyDictionary<string, KnowledgeIndex> _translations = new Dictionary<string, KnowledgeIndex>();
    private Dictionary<string, ChatAdvisor.Languages.MessageSet> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (SynonymSet Synonyms, IntentExamples Intents)> _lastGoodTranslated = new(StringComparer.Ordinal);

    public KnowledgeBase(
        IOptions<KnowledgeOptions> options, IHostEnvironment environment, ILogger<KnowledgeBase> logger, KnowledgeEmbedder? embedder = null)
    {
        _logger = logger;
        _embedder = embedder;
        Folder = ContentPaths.Resolve(options.Value.Path, environment);
    }

    public string Folder { get; }

    /// <summary>The English index in service; loads on first use (the host loads it at start-up).</summary>
    public KnowledgeIndex Current => _current ?? LoadInitial();

    /// <summary>The index of a language's translated guides, or null when <c>knowledge/&lt;code&gt;/</c> has none.</summary>
    public KnowledgeIndex? Translated(string language)
    {
        _ = Current;
        return _translations.GetValueOrDefault(language);
    }

    /// <summary>The index to answer a visitor in <paramref name="language"/>: its translation, else English.</summary>
    public KnowledgeIndex For(string? language) => language is null or "en" ? Current : Translated(language) ?? Current;

    /// <summary>What the bot says in a language (<c>knowledge/&lt;code&gt;/messages.yaml</c>); English for what it lacks.</summary>
    public ChatAdvisor.Languages.MessageSet Messages(string? language)
    {
        _ = Current;
        return language is null ? ChatAdvisor.Languages.MessageSet.English : _messages.GetValueOrDefault(language) ?? ChatAdvisor.Languages.MessageSet.English;
    }

    /// <summary>English and every language with translated guides.</summary>
    public IReadOnlyList<string> Languages
    {
        get
        {
            _ = Current;
            return ["en", .. _translations.Keys.Order(StringComparer.Ordinal)];
        }
    }

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
        foreach (var index in _translations.Values)
        {
            index.Dispose();
        }
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
            documents = LoadGuides(GuideFiles(Folder), null, problems);
        }
        var translations = Directory.Exists(Folder) ? LoadTranslations(documents, problems) : [];
        foreach (var problem in problems)
        {
            KnowledgeLog.BadKnowledgeFile(_logger, problem.File, problem.Line, problem.Message);
        }
        var index = KnowledgeIndex.Build(documents, _lastGoodSynonyms, _lastGoodIntents);
        if (_embedder is not null)
        {
            // The local model was trained on English, yet on the translated guides it still ranks far better than
            // words alone; its cosines run lower there, so those languages have their own threshold
            // (Advice:MinConfidenceOtherLanguages; figures in tests/eval/README.md).
            List<KnowledgeIndex> all = [index, .. translations.Values];
            foreach (var (each, semantic) in all.Zip(await _embedder.EmbedAsync(all, cancellationToken)))
            {
                each.WithSemantic(semantic);
            }
        }
        var previous = _current;
        var previousTranslations = _translations;
        _current = index;
        _translations = translations;
        Problems = problems;
        Version++;
        previous?.Dispose();
        foreach (var old in previousTranslations.Values)
        {
            old.Dispose();
        }
        KnowledgeLog.Loaded(_logger, documents.Count, index.Chunks.Count, problems.Count);
        return index;
    }

    /// <summary>The guides under <paramref name="folder"/>; for the English top folder, not those in a language folder.</summary>
    private IEnumerable<string> GuideFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => GuideImporter.CanImport(f) && !IsDocumentation(folder, f) && (folder != Folder || LanguageFolderOf(f) is null))
            .Order(StringComparer.Ordinal);

    /// <summary>The language a file's top-level folder names (<c>de/guides/x.md</c> → German), if any.</summary>
    private ChatAdvisor.Languages.LanguageProfile? LanguageFolderOf(string file)
    {
        var relative = System.IO.Path.GetRelativePath(Folder, file);
        var first = relative.Split(System.IO.Path.DirectorySeparatorChar)[0];
        return first.Length == 2 && relative.Contains(System.IO.Path.DirectorySeparatorChar) ? ChatAdvisor.Languages.LanguageCatalog.Find(first) : null;
    }

    /// <summary>A folder's README, its messages and the notices (such as the privacy notice) are not guides.</summary>
    private static bool IsDocumentation(string folder, string file)
    {
        var relative = System.IO.Path.GetRelativePath(folder, file);
        return string.Equals(System.IO.Path.GetFileName(relative), "README.md", StringComparison.OrdinalIgnoreCase)
            || string.Equals(relative, IntentsFile, StringComparison.Ordinal)
            || relative.StartsWith("notices" + System.IO.Path.DirectorySeparatorChar, StringComparison.OrdinalIgnoreCase);
    }

    private List<KnowledgeDocument> LoadGuides(IEnumerable<string> files, ChatAdvisor.Languages.LanguageProfile? language, List<KnowledgeProblem> problems)
    {
        var documents = new List<KnowledgeDocument>();
        foreach (var file in files)
        {
            var document = LoadGuide(file, problems);
            var expected = language?.Code ?? "en";
            if (document is not null && document.DeclaredLanguage is { } declared && declared != expected)
            {
                problems.Add(new KnowledgeProblem(System.IO.Path.GetRelativePath(Folder, file), 1,
                    $"front matter says lang: {declared}, but the file is in the {expected} folder"));
            }
            else if (document is not null && documents.Any(d => d.Id == document.Id))
            {
                problems.Add(new KnowledgeProblem(System.IO.Path.GetRelativePath(Folder, file), 1, $"guide id '{document.Id}' is already used by another file"));
            }
            else if (document is not null)
            {
                documents.Add(document);
            }
        }
        return documents;
    }

    /// <summary>
    /// One index per language folder with guides. A translated guide keeps the English guide's id and section ids, so a
    /// citation in any language points to the matching English section; a section id the English guide lacks is reported.
    /// </summary>
    private Dictionary<string, KnowledgeIndex> LoadTranslations(List<KnowledgeDocument> english, List<KnowledgeProblem> problems)
    {
        var indexes = new Dictionary<string, KnowledgeIndex>(StringComparer.Ordinal);
        var translatedMessages = new Dictionary<string, ChatAdvisor.Languages.MessageSet>(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(Folder).Order(StringComparer.Ordinal))
        {
            var language = ChatAdvisor.Languages.LanguageCatalog.Find(System.IO.Path.GetFileName(folder));
            if (language is null || language.IsEnglish || System.IO.Path.GetFileName(folder).Length != 2)
            {
                continue;
            }
            var analyzer = TermAnalyzer.For(language);
            var code = language.Code;
            var last = _lastGoodTranslated.TryGetValue(code, out var kept) ? kept : (Synonyms: SynonymSet.Empty, Intents: IntentExamples.Empty);
            var synonyms = Load(System.IO.Path.Combine(code, SynonymsFile), (text, name) => SynonymSet.Parse(text, name, analyzer), SynonymSet.Empty, problems) ?? last.Synonyms;
            var intents = Load(System.IO.Path.Combine(code, IntentsFile), IntentExamples.Parse, IntentExamples.Empty, problems) ?? last.Intents;
            _lastGoodTranslated[code] = (synonyms, intents);
            var messages = Load(System.IO.Path.Combine(code, MessagesFile), (text, name) => ChatAdvisor.Languages.MessageSet.Parse(code, text, name), null, problems);
            if ((messages ?? _messages.GetValueOrDefault(code)) is { } keptMessages)
            {
                translatedMessages[code] = keptMessages;
            }
            var documents = LoadGuides(GuideFiles(folder), language, problems);
            foreach (var document in documents)
            {
                var original = english.FirstOrDefault(d => d.Id == document.Id);
                var unknown = document.Chunks.Where(c => original is null || original.Chunks.All(o => o.SectionId != c.SectionId)).Select(c => c.SectionId).ToList();
                if (original is null || unknown.Count > 0)
                {
                    problems.Add(new KnowledgeProblem(System.IO.Path.Combine(code, document.Id), 1, original is null
                        ? $"no English guide has the id '{document.Id}'"
                        : $"section ids not in the English guide: {string.Join(", ", unknown)}"));
                }
            }
            if (documents.Count > 0)
            {
                indexes[code] = KnowledgeIndex.Build(documents, synonyms, intents, analyzer);
            }
        }
        // Swapped whole: turns reading messages meanwhile see the old set or the new one.
        _messages = translatedMessages;
        return indexes;
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
    private T? Load<T>(string name, Func<string, string, T> parse, T? empty, List<KnowledgeProblem> problems) where T : class
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
