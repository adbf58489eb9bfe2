using ChatAdvisor.Knowledge;

namespace ChatAdvisor.Core.Tests.Knowledge;

public sealed class TextAnalyzerTests
{
    private static readonly SynonymSet s_synonyms = new([
        ["salary", "pay", "earn", "how much"],
        ["machine learning engineer", "ml engineer"],
        ["mlops", "ml ops", "machine learning operations"],
    ]);

    [Fact]
    public void KeepsFiguresWholeAndDropsAccents()
    {
        Assert.Equal(["about", "50000", "a", "year", "resume"], TextAnalyzer.Words("About €50,000 a year; résumé"));
    }

    [Theory]
    [InlineData("skills", "skill")]
    [InlineData("deploying", "deploy")]
    [InlineData("responsibilities", "responsibility")]
    [InlineData("processes", "process")]
    [InlineData("nurses", "nurse")]
    [InlineData("databases", "database")]
    [InlineData("PhD", "PhD")]
    public void StemsCommonEndings(string word, string stem) => Assert.Equal(stem, TextAnalyzer.Stem(word));

    [Fact]
    public void MergesSynonymsAndPhrasesAfterStemming()
    {
        Assert.Equal(["salary", "machine_learn_engineer"], TextAnalyzer.Terms("How much do ML engineers earn?", s_synonyms).Distinct());
        Assert.Equal(["mlop"], TextAnalyzer.Terms("machine learning operations", s_synonyms));
    }

    [Fact]
    public void RepairsTyposAgainstTheGuidesWords()
    {
        var guide = GuideParser.Parse("""
            ---
            id: g
            title: G
            role: Data Person
            last_reviewed: 2026-01-01
            ---
            ## Qualifications {#q}
            A degree in statistics helps.
            """, "g.md");
        var index = KnowledgeIndex.Build([guide], SynonymSet.Empty);

        Assert.Equal(["qualification", "statistic"], TextAnalyzer.Terms("qualifcations statistcs", SynonymSet.Empty, index.Repair));
        Assert.Equal(["spain"], TextAnalyzer.Terms("spain", SynonymSet.Empty, index.Repair));
    }
}
