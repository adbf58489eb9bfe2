using ChatAdvisor.Knowledge;
using ChatAdvisor.Languages;

namespace ChatAdvisor.Core.Tests.Languages;

public sealed class TermAnalyzerTests
{
    private static TermAnalyzer For(string code) => TermAnalyzer.For(LanguageCatalog.Find(code)!);

    [Theory]
    [InlineData("de", "Qualifikationen", "Qualifikation")]
    [InlineData("de", "Fähigkeiten", "fähigkeit")]
    [InlineData("fr", "compétences", "Compétence")]
    [InlineData("nl", "vaardigheden", "vaardigheid")]
    [InlineData("es", "habilidades", "habilidad")]
    [InlineData("it", "competenze", "competenza")]
    public void WordFormsOfALanguageMeet(string language, string a, string b) =>
        Assert.Equal(For(language).Terms(a, SynonymSet.Empty), For(language).Terms(b, SynonymSet.Empty));

    [Theory]
    [InlineData("de", "Was ist der Unterschied zwischen den beiden?", "Unterschied", "der")]
    [InlineData("fr", "Quelle est la différence entre les deux ?", "différence", "la")]
    [InlineData("it", "Cosa fa un ingegnere?", "ingegnere", "cosa")]
    public void QuestionAndStopWordsAreDroppedAndTheRestStemmed(string language, string text, string content, string stopWord)
    {
        var terms = For(language).Terms(text, SynonymSet.Empty);
        Assert.Contains(For(language).Stem(content.ToLowerInvariant()), terms);
        Assert.DoesNotContain(stopWord, terms);
    }

    [Fact]
    public void EnglishIsAnalysedAsBefore() =>
        Assert.Equal(TextAnalyzer.Terms("What skills do ML engineers need?", SynonymSet.Empty), TermAnalyzer.English.Terms("What skills do ML engineers need?", SynonymSet.Empty));

    [Theory]
    [InlineData("70.000 €", "70000")]
    [InlineData("70 000 €", "70000")]
    [InlineData("€ 70.000", "70000")]
    [InlineData("€70,000", "70000")]
    public void SalariesInLocalFormatsAreOneNumber(string text, string expected) =>
        Assert.Contains(expected, TextAnalyzer.Words(text));
}
