using ChatAdvisor.Core.Tests.Infrastructure;
using ChatAdvisor.Knowledge;
using ChatAdvisor.Review;

namespace ChatAdvisor.Core.Tests.Review;

public abstract class KnowledgeGapsTests(GapData data)
{
    private static readonly GapQuery s_march = new() { From = new(2026, 3, 1), To = new(2026, 3, 31) };

    private Task<GapReport> BuildAsync(GapQuery query) => data.Db.Gaps.BuildAsync(query, CancellationToken.None);

    [ProviderFact]
    public async Task ParaphrasesShareAGroupWithTheMostFrequentWordingAsRepresentative()
    {
        var report = await BuildAsync(s_march);

        var salary = report.Groups[0];
        Assert.Equal("How much does an MLOps engineer earn?", salary.Representative);
        Assert.Equal(4, salary.Count);
        Assert.Equal(
            ["How much does an MLOps engineer earn?", "What does an MLOps engineer earn?", "What is the salary of an MLOps engineer?"],
            salary.Examples);
        Assert.Equal(["earn", "engineer", "mlop"], salary.Terms);
        Assert.Equal(["g4", "g3", "g2", "g1"], salary.ConversationIds);
    }

    [ProviderFact]
    public async Task UnrelatedQuestionsStayApartAndGroupsComeLargestFirst()
    {
        var report = await BuildAsync(s_march);

        Assert.Equal([4, 2], report.Groups.Select(g => g.Count));
        Assert.Equal(6, report.QuestionCount);
        var visas = report.Groups[1];
        Assert.Equal("Do you sponsor visas?", visas.Representative);
        Assert.Equal(["Do you sponsor visas?", "Do you sponsor visas for relocation?"], visas.Examples);
        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)), (report.From, report.To));
    }

    [ProviderFact]
    public async Task EachGroupCountsItsReasonsAndKeepsTheFeedbackReasons()
    {
        var report = await BuildAsync(s_march);

        var salary = report.Groups[0];
        // g3 had two weak answers to one question: still one question, counted once as low confidence.
        Assert.Equal((2, 1, 1), (salary.Declined, salary.LowConfidence, salary.NotHelpful));
        Assert.Equal(["No numbers for Germany"], salary.FeedbackReasons);
        Assert.Equal(GapData.March(13).AddMinutes(1), salary.LastSeen);

        var visas = report.Groups[1];
        Assert.Equal((2, 0, 1), (visas.Declined, visas.LowConfidence, visas.NotHelpful));
        Assert.Equal(["Need visa info"], visas.FeedbackReasons);
        Assert.Equal(GapData.March(16).AddMinutes(5), visas.LastSeen);
    }

    [ProviderFact]
    public async Task OnlyVisitorQuestionsBeforeWeakAnswersCount()
    {
        var report = await BuildAsync(new GapQuery());
        var examples = report.Groups.SelectMany(g => g.Examples).ToList();

        Assert.DoesNotContain("What skills does an MLOps engineer need?", examples);
        Assert.DoesNotContain("Ada Lovelace", examples);
        Assert.DoesNotContain("ada@example.com", examples);
        Assert.DoesNotContain(examples, e => e.StartsWith("I don't know", StringComparison.Ordinal) || e.StartsWith("Sorry", StringComparison.Ordinal));
        Assert.DoesNotContain(examples, e => e.Contains("removed", StringComparison.Ordinal));
    }

    [ProviderFact]
    public async Task TheDateRangeLimitsTheAnswersLookedAt()
    {
        var all = await BuildAsync(new GapQuery { To = new(2026, 3, 31) });
        Assert.Equal([4, 2, 1], all.Groups.Select(g => g.Count));
        Assert.Equal("Is there a pension plan?", all.Groups[2].Representative);

        var january = await BuildAsync(new GapQuery { To = new(2026, 1, 31) });
        Assert.Equal("Is there a pension plan?", Assert.Single(january.Groups).Representative);

        var oneDay = await BuildAsync(new GapQuery { From = new(2026, 3, 12), To = new(2026, 3, 12) });
        Assert.Equal("What does an MLOps engineer earn?", Assert.Single(oneDay.Groups).Representative);
    }

    [ProviderFact]
    public async Task TheSameWordsAskedInTwoLanguagesAreTwoGapsOneForEachLanguage()
    {
        var april = await BuildAsync(new GapQuery { From = new(2026, 4, 1), To = new(2026, 4, 30) });

        Assert.Equal(["en", "de"], april.Groups.Select(g => g.Language));
        Assert.All(april.Groups, g => Assert.Equal(1, g.Count));
        Assert.Equal(["g10"], april.Groups.Single(g => g.Language == "de").ConversationIds);
    }

    [ProviderFact]
    public async Task AStricterSimilarityThresholdSplitsGroups()
    {
        var report = await BuildAsync(s_march with { SimilarityThreshold = 0.9 });

        Assert.Equal([3, 1, 1, 1], report.Groups.Select(g => g.Count));
        Assert.Equal(["How much does an MLOps engineer earn?", "What does an MLOps engineer earn?"], report.Groups[0].Examples);
    }

    [ProviderFact]
    public async Task ALowerConfidenceThresholdDropsAnswersThatAreNoLongerWeak()
    {
        var report = await BuildAsync(s_march with { LowConfidenceThreshold = 0.35 });

        // g3's first answer (0.4) no longer counts, its second (0.3) still does.
        Assert.Equal((2, 1, 1), (report.Groups[0].Declined, report.Groups[0].LowConfidence, report.Groups[0].NotHelpful));

        var stricter = await BuildAsync(s_march with { LowConfidenceThreshold = 0.25 });
        Assert.Equal(3, stricter.Groups[0].Count);
        Assert.Equal(0, stricter.Groups[0].LowConfidence);
    }

    [ProviderTheory]
    [InlineData("How much does an MLOps engineer earn?", "how much do MLOps engineers earn", 1.0)]
    [InlineData("What does an MLOps engineer earn?", "What is the salary of an MLOps engineer?", 0.5)]
    [InlineData("Do you sponsor visas?", "Is there a pension plan?", 0.0)]
    public void JaccardComparesAnalysedTermSets(string a, string b, double expected)
    {
        HashSet<string> Terms(string text) => [.. TextAnalyzer.Terms(text, SynonymSet.Empty)];

        Assert.Equal(expected, QuestionClusterer.Jaccard(Terms(a), Terms(b)), 3);
    }
}

public sealed class KnowledgeGapsOnSqliteTests(GapData.Sqlite data) : KnowledgeGapsTests(data), IClassFixture<GapData.Sqlite>;

public sealed class KnowledgeGapsOnPostgresTests(GapData.Postgres data) : KnowledgeGapsTests(data), IClassFixture<GapData.Postgres>, IPostgresTests;
