using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using ChatAdvisor.Core.Tests.Infrastructure;
using ChatAdvisor.Knowledge;

namespace ChatAdvisor.Core.Tests.Knowledge;

/// <summary>
/// The role guides against the two agency pages they are rewritten from. <c>tests/eval/seed-facts.jsonl</c> lists
/// every fact of the pages: the page's own words (<c>quote</c>), the guide section that must carry the fact and a
/// pattern that finds it there with its qualifier ("such as", "typically", "around", "upwards of"). The guides must
/// carry each fact, the quotes must really be the pages' words, and the guides must say it all in their own words.
/// </summary>
public sealed partial class SeedFactTests
{
    /// <summary>A run of this many words shared with a page counts as copied wording.</summary>
    private const int CopiedRun = 8;

    private static readonly Dictionary<string, string> s_seedFiles = new(StringComparer.Ordinal)
    {
        ["mlops"] = "mlops-engineers.txt",
        ["mle"] = "machine-learning-engineers.txt",
    };

    private static readonly IReadOnlyList<KnowledgeDocument> s_guides =
        [.. Directory.GetFiles(Path.Combine(TestKnowledge.KnowledgeFolder, "guides"), "*.md")
            .Order(StringComparer.Ordinal)
            .Select(f => GuideParser.Parse(File.ReadAllText(f), f))];

    private static readonly List<SeedFact> s_facts =
        SeedFact.Load(Path.Combine(TestKnowledge.RepositoryRoot, "tests", "eval", "seed-facts.jsonl"));

    [Fact]
    public void TheFactListCoversBothPagesAndIsWellFormed()
    {
        Assert.True(s_facts.Count >= 120, $"only {s_facts.Count} seed facts");
        Assert.Equal(s_facts.Count, s_facts.Select(f => f.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(s_facts, f =>
        {
            Assert.Matches("^f[0-9]{3}$", f.Id);
            Assert.Contains(f.Seed, s_seedFiles.Keys);
            Assert.InRange(f.Quote.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, 4, 15);
            Assert.Matches("^[a-z0-9-]+#[a-z0-9-]+$", f.Section);
        });
        Assert.All(s_seedFiles.Keys, seed => Assert.True(s_facts.Count(f => f.Seed == seed) >= 50, $"few facts for {seed}"));
    }

    [Fact]
    public void EveryFactIsInItsSectionWithItsQualifier()
    {
        var sections = s_guides.SelectMany(d => d.Chunks).ToDictionary(c => c.Key, StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var fact in s_facts)
        {
            if (!sections.TryGetValue(fact.Section, out var chunk))
            {
                failures.Add($"{fact.Id}: there is no section {fact.Section}");
            }
            else if (!Regex.IsMatch(chunk.Text, fact.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                failures.Add($"{fact.Id}: {fact.Section} does not match /{fact.Pattern}/ (the page says \"{fact.Quote}\")");
            }
        }
        Assert.True(failures.Count == 0, "Seed facts missing from the guides:\n" + string.Join('\n', failures));
    }

    [Fact]
    public void EveryGuideSectionCarriesSeedFacts()
    {
        var covered = s_facts.Select(f => f.Section).ToHashSet(StringComparer.Ordinal);

        var unsourced = s_guides.SelectMany(d => d.Chunks).Select(c => c.Key).Where(k => !covered.Contains(k)).ToList();

        Assert.True(unsourced.Count == 0, "Sections with no fact from the pages: " + string.Join(", ", unsourced));
    }

    [SeedPagesFact]
    public void EveryQuoteIsThePagesOwnWording()
    {
        var pages = ReadPages();

        var misquoted = s_facts.Where(f => !pages[f.Seed].Contains(Collapse(f.Quote), StringComparison.Ordinal))
            .Select(f => $"{f.Id}: \"{f.Quote}\" is not in {s_seedFiles[f.Seed]}").ToList();

        Assert.True(misquoted.Count == 0, string.Join('\n', misquoted));
    }

    [SeedPagesFact]
    public void EverySentenceAndFigureOfThePagesHasAFact()
    {
        var uncovered = new List<string>();
        foreach (var (seed, file) in s_seedFiles)
        {
            var page = Collapse(File.ReadAllText(Path.Combine(SeedPagesFactAttribute.Folder, file)));
            var quoted = new bool[page.Length];
            foreach (var quote in s_facts.Where(f => f.Seed == seed).Select(f => Collapse(f.Quote)))
            {
                for (var at = page.IndexOf(quote, StringComparison.Ordinal); at >= 0; at = page.IndexOf(quote, at + 1, StringComparison.Ordinal))
                {
                    Array.Fill(quoted, true, at, quote.Length);
                }
            }
            foreach (var sentence in ContentSentences(Path.Combine(SeedPagesFactAttribute.Folder, file)))
            {
                var at = page.IndexOf(sentence, StringComparison.Ordinal);
                if (at < 0 || !quoted.AsSpan(at, sentence.Length).Contains(true))
                {
                    uncovered.Add($"{file}: {sentence}");
                }
            }
        }
        Assert.True(uncovered.Count == 0, "Page sentences that no seed fact quotes:\n" + string.Join('\n', uncovered));
    }

    [SeedPagesFact]
    public void NoGuideSentenceCopiesEightWordsFromAPage()
    {
        var pageRuns = ReadPages().Values.SelectMany(p => Runs(TextAnalyzer.Words(p).ToList())).ToHashSet(StringComparer.Ordinal);
        // The check can fail: a sentence of a page is caught.
        var pageSentence = s_facts.Select(f => f.Quote).First(q => TextAnalyzer.Words(q).Count() >= CopiedRun);
        Assert.NotNull(FirstCopiedRun(pageSentence, pageRuns));

        var copied = new List<string>();
        foreach (var chunk in s_guides.SelectMany(d => d.Chunks))
        {
            var sentences = SectionUnits.Split(chunk.Text).Select(u => u.Text).Append(chunk.Heading).Concat(chunk.AlternateQuestions);
            foreach (var sentence in sentences)
            {
                if (FirstCopiedRun(sentence, pageRuns) is { } run)
                {
                    copied.Add($"{chunk.Key}: \"{run}\" in \"{sentence}\"");
                }
            }
        }
        Assert.True(copied.Count == 0, $"Guide text that copies {CopiedRun} or more words of a page:\n" + string.Join('\n', copied));
    }

    private static Dictionary<string, string> ReadPages() =>
        s_seedFiles.ToDictionary(p => p.Key, p => Collapse(File.ReadAllText(Path.Combine(SeedPagesFactAttribute.Folder, p.Value))), StringComparer.Ordinal);

    /// <summary>
    /// The sentences of a page that state something: those of paragraphs and bullets (lines ending in a full stop
    /// or colon, or of eight words and more, or holding a figure), not headings or questions; four words at least.
    /// </summary>
    private static IEnumerable<string> ContentSentences(string file) =>
        File.ReadLines(file)
            .Select(l => Collapse(l).TrimStart('•').Trim())
            .Where(l => !l.EndsWith('?') && (l.EndsWith('.') || l.EndsWith(':') || l.Contains('€', StringComparison.Ordinal)
                || l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= CopiedRun))
            .SelectMany(l => SentenceEnd().Split(l))
            .Where(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4);

    private static string? FirstCopiedRun(string sentence, HashSet<string> pageRuns) =>
        Runs(TextAnalyzer.Words(sentence).ToList()).FirstOrDefault(pageRuns.Contains);

    private static IEnumerable<string> Runs(List<string> words) =>
        Enumerable.Range(0, Math.Max(0, words.Count - CopiedRun + 1)).Select(i => string.Join(' ', words.Skip(i).Take(CopiedRun)));

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z])")]
    private static partial Regex SentenceEnd();

    private sealed record SeedFact(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("seed")] string Seed,
        [property: JsonPropertyName("quote")] string Quote,
        [property: JsonPropertyName("section")] string Section,
        [property: JsonPropertyName("pattern")] string Pattern)
    {
        public static List<SeedFact> Load(string path) =>
            [.. File.ReadLines(path).Where(l => l.Trim().Length > 0).Select((line, i) =>
                JsonSerializer.Deserialize<SeedFact>(line) ?? throw new InvalidDataException($"{path}:{i + 1}: empty entry"))];
    }
}
