using ChatAdvisor.Languages;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Core.Tests.Languages;

public sealed class LanguageDetectorTests
{
    private static readonly LanguageDetector s_detector = new(Options.Create(new LanguageOptions()));

    [Theory]
    [InlineData("Was verdient ein MLOps Engineer in Deutschland?", "de")]
    [InlineData("Welche Fähigkeiten braucht man als Machine Learning Engineer?", "de")]
    [InlineData("Quelles compétences faut-il pour devenir ingénieur machine learning ?", "fr")]
    [InlineData("Est-ce qu'un diplôme en informatique est obligatoire pour ce métier ?", "fr")]
    [InlineData("Wat verdient een MLOps engineer in Nederland?", "nl")]
    [InlineData("Welke vaardigheden heb je nodig als machine learning engineer?", "nl")]
    [InlineData("¿Cuánto gana un ingeniero de MLOps en Europa?", "es")]
    [InlineData("Qué hace un ingeniero de machine learning en el sector farmacéutico", "es")]
    [InlineData("Quanto guadagna un MLOps engineer in Europa?", "it")]
    [InlineData("Quali competenze servono per lavorare come machine learning engineer?", "it")]
    [InlineData("What does an MLOps engineer do all day?", "en")]
    [InlineData("Which skills does a machine learning engineer need?", "en")]
    public void AMessageIsAnsweredInTheLanguageItIsWrittenIn(string text, string expected)
    {
        var decision = s_detector.Detect(text, locale: null, current: null);
        Assert.Equal(expected, decision.Language);
        Assert.False(decision.Requested);
    }

    [Theory]
    [InlineData("Qual é o salário de um engenheiro de MLOps na Alemanha?", null)]
    [InlineData("Quanto ganha um engenheiro de MLOps em início de carreira?", "pt-PT")]
    [InlineData("As funções não exigem um doutoramento?", null)]
    public void PortugueseSwitchedOnWithoutGuidesIsRecognised(string text, string? locale)
    {
        var detector = new LanguageDetector(Options.Create(new LanguageOptions { Enabled = ["en", "de", "fr", "nl", "es", "it", "pt"] }));

        Assert.Equal("pt", detector.Detect(text, locale, current: null).Language);
    }

    [Theory]
    [InlineData("auf Deutsch bitte", "de")]
    [InlineData("Können Sie Deutsch sprechen?", "de")]
    [InlineData("in English please", "en")]
    [InlineData("Can you answer in English?", "en")]
    [InlineData("en français s'il vous plaît", "fr")]
    [InlineData("Nederlands graag", "nl")]
    [InlineData("¿Puedes hablar español?", "es")]
    [InlineData("in italiano per favore", "it")]
    [InlineData("Deutsch", "de")]
    public void AVisitorCanAskForALanguage(string text, string expected)
    {
        var decision = s_detector.Detect(text, locale: "en-GB", current: "fr");
        Assert.Equal(expected, decision.Language);
        Assert.True(decision.Requested);
    }

    [Theory]
    [InlineData("German salaries?")]
    [InlineData("Is English needed for MLOps jobs in Germany?")]
    [InlineData("Was verdient man in Deutschland?")]
    public void NamingALanguageOrCountryInAQuestionIsNoRequest(string text) =>
        Assert.False(s_detector.Detect(text, null, "en").Requested);

    [Theory]
    [InlineData("MLOps?", "de", null, "de")]
    [InlineData("ok", "it", "en-US", "it")]
    [InlineData("Kubernetes Docker MLflow", "nl", null, "nl")]
    [InlineData("MLOps?", null, "fr-FR", "fr")]
    [InlineData("MLOps?", null, "pt-BR", "en")]
    [InlineData("MLOps?", null, null, "en")]
    public void AnUnclearMessageKeepsTheConversationsLanguageThenTheLocale(string text, string? current, string? locale, string expected) =>
        Assert.Equal(expected, s_detector.Detect(text, locale, current).Language);

    [Fact]
    public void AClearMessageInAnotherLanguageSwitchesTheConversation() =>
        Assert.Equal("de", s_detector.Detect("Und was verdient man als Berufseinsteiger?", "en-GB", "en").Language);

    [Fact]
    public void OnlyEnabledLanguagesAreDetectedAndEnglishIsAlwaysOne()
    {
        var detector = new LanguageDetector(Options.Create(new LanguageOptions { Enabled = ["de"] }));
        Assert.Equal(["de", "en"], detector.Languages.Select(l => l.Code).Order());
        Assert.Equal("en", detector.Detect("Quelles compétences faut-il pour devenir ingénieur ?", null, null).Language);
        Assert.Equal("de", detector.Detect("Welche Fähigkeiten braucht man?", null, null).Language);
    }

    [Fact]
    public void AnUnknownLanguageInTheSettingsIsRefused()
    {
        var options = new LanguageOptions { Enabled = ["en", "xx"] };
        var errors = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();
        Assert.Contains("xx", Assert.Single(errors).ErrorMessage, StringComparison.Ordinal);
    }
}
