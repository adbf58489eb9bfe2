using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace ChatAdvisor.Knowledge;

/// <summary>
/// Groups of interchangeable words and phrases. Every member is rewritten to the group's first entry on both
/// the index side and the query side, so "pay", "earn" and "compensation" all meet "salary".
/// </summary>
public sealed class SynonymSet
{
    private readonly Dictionary<string, string> _words;
    private readonly List<(string[] Phrase, string Canonical)> _phrases;

    public static SynonymSet Empty { get; } = new([]);

    public SynonymSet(IEnumerable<IReadOnlyList<string>> groups)
    {
        _words = new(StringComparer.Ordinal);
        _phrases = [];
        foreach (var group in groups.Where(g => g.Count > 1))
        {
            var canonical = string.Join('_', TextAnalyzer.Words(group[0]));
            foreach (var member in group)
            {
                var words = TextAnalyzer.Words(member).ToArray();
                if (words.Length == 1)
                {
                    _words.TryAdd(words[0], canonical);
                }
                else if (words.Length > 1)
                {
                    _phrases.Add((words, canonical));
                }
            }
        }
        // Longest phrases first so "machine learning operations" wins over "machine learning".
        _phrases.Sort((a, b) => b.Phrase.Length.CompareTo(a.Phrase.Length));
    }

    public int GroupCount => _words.Values.Distinct(StringComparer.Ordinal).Count();

    public static SynonymSet Parse(string yaml, string file)
    {
        try
        {
            var doc = new DeserializerBuilder().Build().Deserialize<SynonymFile>(yaml);
            return new SynonymSet(doc?.Groups ?? []);
        }
        catch (YamlException ex)
        {
            throw new KnowledgeFormatException(file, (int)ex.Start.Line + 1, ex.Message);
        }
    }

    /// <summary>Rewrites phrases and words to their canonical forms.</summary>
    public List<string> Canonicalize(IReadOnlyList<string> words)
    {
        var result = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var matched = false;
            foreach (var (phrase, canonical) in _phrases)
            {
                if (StartsWithAt(words, i, phrase))
                {
                    result.Add(canonical);
                    i += phrase.Length - 1;
                    matched = true;
                    break;
                }
            }
            if (!matched)
            {
                result.Add(_words.TryGetValue(words[i], out var canonical) ? canonical : words[i]);
            }
        }
        return result;
    }

    private static bool StartsWithAt(IReadOnlyList<string> words, int start, string[] phrase)
    {
        if (start + phrase.Length > words.Count)
        {
            return false;
        }
        for (var j = 0; j < phrase.Length; j++)
        {
            if (!string.Equals(words[start + j], phrase[j], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    private sealed class SynonymFile
    {
        [YamlMember(Alias = "groups")]
        public List<List<string>>? Groups { get; set; }
    }
}
