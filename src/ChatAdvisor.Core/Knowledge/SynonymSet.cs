using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace ChatAdvisor.Knowledge;

/// <summary>
/// Groups of interchangeable words and phrases. Every member is rewritten to the group's first entry on both
/// the index side and the query side, so "pay", "earn" and "compensation" all meet "salary". Members are
/// compared after stemming, so one entry covers "engineer" and "engineers".
/// </summary>
public sealed class SynonymSet
{
    private readonly Dictionary<string, string> _words = new(StringComparer.Ordinal);
    private readonly List<(string[] Phrase, string Canonical)> _phrases = [];

    public SynonymSet(IEnumerable<IReadOnlyList<string>> groups, TermAnalyzer? analyzer = null)
    {
        analyzer ??= TermAnalyzer.English;
        foreach (var group in groups.Where(g => g.Count > 1))
        {
            var canonical = string.Join('_', analyzer.Keys(group[0]));
            foreach (var member in group)
            {
                var keys = analyzer.Keys(member).ToArray();
                Members.UnionWith(keys);
                if (keys.Length == 1)
                {
                    _words.TryAdd(keys[0], canonical);
                }
                else if (keys.Length > 1)
                {
                    _phrases.Add((keys, canonical));
                }
            }
        }
        // Longest phrases first so "machine learning operations" wins over "machine learning".
        _phrases.Sort((a, b) => b.Phrase.Length.CompareTo(a.Phrase.Length));
    }

    public static SynonymSet Empty { get; } = new([]);

    /// <summary>Every word key that occurs in some group (used to repair typos).</summary>
    public HashSet<string> Members { get; } = new(StringComparer.Ordinal);

    public static SynonymSet Parse(string yaml, string file) => Parse(yaml, file, TermAnalyzer.English);

    /// <summary>A synonyms file of one language, its members compared with that language's stemmer.</summary>
    public static SynonymSet Parse(string yaml, string file, TermAnalyzer analyzer)
    {
        try
        {
            var doc = new DeserializerBuilder().Build().Deserialize<SynonymFile>(yaml);
            return new SynonymSet(doc?.Groups ?? [], analyzer);
        }
        catch (YamlException ex)
        {
            throw new KnowledgeFormatException(file, (int)ex.Start.Line + 1, ex.Message);
        }
    }

    /// <summary>Rewrites phrases and words to their canonical forms; a rewritten token is never a stop word.</summary>
    public List<TextAnalyzer.Token> Canonicalize(IReadOnlyList<TextAnalyzer.Token> tokens)
    {
        var result = new List<TextAnalyzer.Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var matched = _phrases.FirstOrDefault(p => StartsWithAt(tokens, i, p.Phrase));
            if (matched.Phrase is not null)
            {
                result.Add(new TextAnalyzer.Token(matched.Canonical, false));
                i += matched.Phrase.Length - 1;
            }
            else if (_words.TryGetValue(tokens[i].Key, out var canonical))
            {
                result.Add(new TextAnalyzer.Token(canonical, tokens[i].IsStopWord && canonical == tokens[i].Key));
            }
            else
            {
                result.Add(tokens[i]);
            }
        }
        return result;
    }

    private static bool StartsWithAt(IReadOnlyList<TextAnalyzer.Token> tokens, int start, string[] phrase)
    {
        if (start + phrase.Length > tokens.Count)
        {
            return false;
        }
        for (var j = 0; j < phrase.Length; j++)
        {
            if (!string.Equals(tokens[start + j].Key, phrase[j], StringComparison.Ordinal))
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
