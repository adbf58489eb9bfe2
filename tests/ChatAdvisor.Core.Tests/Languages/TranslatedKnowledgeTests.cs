using ChatAdvisor.Advice;
using ChatAdvisor.Core.Tests.Generation;
using ChatAdvisor.Core.Tests.Infrastructure;
using ChatAdvisor.Core.Tests.Knowledge;
using ChatAdvisor.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Core.Tests.Languages;

/// <summary>The translated guides of <c>knowledge/&lt;code&gt;/</c>: loaded per language, matching the English sections.</summary>
public sealed class TranslatedKnowledgeTests
{
    private static readonly ServiceProvider s_services = GenerationFixtures.Build([]);
    private static readonly KnowledgeBase s_knowledge = s_services.GetRequiredService<KnowledgeBase>();

    public static TheoryData<string> Languages() => ["de", "fr", "nl", "es", "it"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryTranslationHasEveryEnglishSectionAndNothingElse(string language)
    {
        Assert.Empty(s_knowledge.Problems);
        var translated = s_knowledge.Translated(language);
        Assert.NotNull(translated);
        Assert.Equal(language, translated.Language.Code);
        Assert.Equal(s_knowledge.Current.Chunks.Select(c => c.Key), translated.Chunks.Select(c => c.Key));
        Assert.Contains(language, s_knowledge.Languages);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryFigureOfTheEnglishSectionIsInItsTranslation(string language)
    {
        var translated = s_knowledge.Translated(language)!;
        foreach (var (english, local) in s_knowledge.Current.Chunks.Zip(translated.Chunks))
        {
            var figures = TextAnalyzer.Words(english.Text).Where(w => w.Length >= 4 && w.All(char.IsDigit)).ToHashSet();
            var localWords = TextAnalyzer.Words(local.Text).ToHashSet();
            Assert.True(figures.IsSubsetOf(localWords), $"{language} {local.Key} lacks {string.Join(", ", figures.Except(localWords))}");
        }
    }

    public static TheoryData<string, string> SuggestedQuestions()
    {
        var data = new TheoryData<string, string>();
        var knowledge = TestKnowledge.Load();
        foreach (var language in new[] { "de", "fr", "nl", "es", "it" })
        {
            foreach (var chunk in knowledge.Translated(language)!.Chunks)
            {
                data.Add(language, chunk.Key);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SuggestedQuestions))]
    public async Task TheSuggestedQuestionOfATranslatedSectionIsAnsweredFromThatSectionInItsLanguage(string language, string key)
    {
        var section = s_knowledge.Translated(language)!.Chunks.Single(c => c.Key == key);
        Assert.InRange(section.AlternateQuestions.Count, 3, 16);

        var answer = await s_services.GetRequiredService<Advisor>().AnswerAsync(section.AlternateQuestions[0],
            AdviceContext.Empty with { Language = language }, CancellationToken.None);

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Equal(key, answer.Citations[0].Key);
        Assert.Equal(language, answer.Context.Language);
        // Quoted from the translation, not from the English guide.
        var quoted = answer.Text.Split("\n\n")[0].Split('[')[0].Trim().TrimStart('-', ' ');
        Assert.Contains(quoted[..Math.Min(30, quoted.Length)], section.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryTranslationIsEmbeddedLikeTheEnglishGuides(string language)
    {
        var translated = s_knowledge.Translated(language)!;

        Assert.NotNull(s_knowledge.Current.Semantic);
        Assert.NotNull(translated.Semantic);
        Assert.Equal(s_knowledge.Current.Semantic!.Model, translated.Semantic!.Model);
    }

    [Theory]
    [InlineData("de", "Wie viel verdient ein Machine Learning Engineer in Wien?", "Wien")]
    [InlineData("es", "¿Cuánto gana un ingeniero de MLOps en Bélgica?", "Bélgica")]
    [InlineData("nl", "Wat verdient een MLOps-engineer in Oostenrijk?", "Oostenrijk")]
    public async Task ASalaryQuestionAboutAPlaceTheTranslationNeverNamesIsDeclinedNamingThePlaceAsWritten(string language, string question, string place)
    {
        var answer = await s_services.GetRequiredService<Advisor>().AnswerAsync(question, AdviceContext.Empty with { Language = language }, CancellationToken.None);

        Assert.Equal(AnswerKind.Abstained, answer.Kind);
        Assert.Contains(place, answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de", "Wie viele Urlaubstage hat ein MLOps Engineer im Jahr?")]
    [InlineData("fr", "Combien de temps faut-il pour devenir ingénieur MLOps ?")]
    [InlineData("it", "Quanto costa una certificazione per ingegnere di machine learning?")]
    public async Task AQuestionForADurationOrCostTheTranslationNeverStatesIsDeclined(string language, string question)
    {
        var answer = await s_services.GetRequiredService<Advisor>().AnswerAsync(question, AdviceContext.Empty with { Language = language }, CancellationToken.None);

        Assert.Equal(AnswerKind.Abstained, answer.Kind);
    }

    [Fact]
    public void ATranslationWithASectionTheEnglishGuideLacksOrTheWrongLanguageIsReported()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "guides"));
        Directory.CreateDirectory(Path.Combine(folder.Path, "de", "guides"));
        File.WriteAllText(Path.Combine(folder.Path, "guides", "role.md"), Guide("en", "What it is", "what"));
        File.WriteAllText(Path.Combine(folder.Path, "de", "guides", "role.md"), Guide("de", "Was es ist", "was-anderes"));
        File.WriteAllText(Path.Combine(folder.Path, "de", "guides", "other.md"), Guide("fr", "Ce que c'est", "what").Replace("id: role", "id: other"));

        using var knowledge = TestKnowledge.Load(folder.Path);

        Assert.Single(knowledge.Current.Chunks);
        Assert.Contains(knowledge.Problems, p => p.Message.Contains("was-anderes", StringComparison.Ordinal));
        Assert.Contains(knowledge.Problems, p => p.Message.Contains("lang: fr", StringComparison.Ordinal));
        // Asked in German, the bot still answers (from the German file that did load).
        Assert.Equal("de", knowledge.For("de").Language.Code);
    }

    private static string Guide(string language, string heading, string id) => $"""
        ---
        id: role
        title: Role
        role: Tester
        aliases: [tester]
        source: test
        last_reviewed: 2026-12-01
        lang: {language}
        ---
        # Tester

        ## {heading} {"{#" + id + "}"}
        Also asked: q1 | q2 | q3

        A tester tests things carefully every day.
        """;
}
