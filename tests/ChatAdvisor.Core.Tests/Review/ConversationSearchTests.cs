using ChatAdvisor.Core.Tests.Infrastructure;
using ChatAdvisor.Review;

namespace ChatAdvisor.Core.Tests.Review;

public abstract class ConversationSearchTests(PortalData data)
{
    private async Task<string[]> Ids(ConversationQuery query) =>
        [.. (await data.Db.Search.SearchAsync(query, CancellationToken.None)).Items.Select(i => i.Id)];

    [ProviderFact]
    public async Task WithoutFiltersEveryConversationComesNewestActivityFirst()
    {
        var page = await data.Db.Search.SearchAsync(new ConversationQuery(), CancellationToken.None);

        Assert.Equal(5, page.Total);
        Assert.Equal(["conv-4", "conv-3", "conv-2", "conv-1", "conv-5"], page.Items.Select(i => i.Id));
        Assert.Equal(1, page.Page);
        Assert.Equal(ConversationQuery.DefaultPageSize, page.PageSize);
    }

    [ProviderFact]
    public async Task ChannelFilterMatchesTheChannelIdExactly()
    {
        Assert.Equal(["conv-2"], await Ids(new ConversationQuery { Channel = "msteams" }));
        Assert.Empty(await Ids(new ConversationQuery { Channel = "teams" }));
    }

    [ProviderFact]
    public async Task LanguageFilterFindsTheConversationsHeldInThatLanguageAndTheRowsShowIt()
    {
        Assert.Equal(["conv-3"], await Ids(new ConversationQuery { Language = "de" }));
        Assert.Equal(["conv-3"], await Ids(new ConversationQuery { Language = " DE " }));
        Assert.Equal(["conv-1"], await Ids(new ConversationQuery { Language = "en" }));
        Assert.Empty(await Ids(new ConversationQuery { Language = "fr" }));
        var page = await data.Db.Search.SearchAsync(new ConversationQuery(), CancellationToken.None);
        Assert.Equal("de", page.Items.Single(i => i.Id == "conv-3").Language);
        Assert.Null(page.Items.Single(i => i.Id == "conv-2").Language);
    }

    [ProviderFact]
    public async Task HasCvFindsConversationsWithAnApplicationOrWithout()
    {
        Assert.Equal(["conv-1", "conv-5"], await Ids(new ConversationQuery { HasCv = true }));
        Assert.Equal(["conv-4", "conv-3", "conv-2"], await Ids(new ConversationQuery { HasCv = false }));
    }

    [ProviderFact]
    public async Task UnansweredMeansAtLeastOneDeclinedAnswer()
    {
        Assert.Equal(["conv-2"], await Ids(new ConversationQuery { Unanswered = true }));
        Assert.Equal(["conv-4", "conv-3", "conv-1", "conv-5"], await Ids(new ConversationQuery { Unanswered = false }));
    }

    [ProviderFact]
    public async Task LowConfidenceCountsDeclinedAnswersAndAnswersBelowTheThreshold()
    {
        Assert.Equal(["conv-3", "conv-2"], await Ids(new ConversationQuery { LowConfidence = true }));
        Assert.Equal(["conv-4", "conv-1", "conv-5"], await Ids(new ConversationQuery { LowConfidence = false }));
        Assert.Equal(["conv-2"], await Ids(new ConversationQuery { LowConfidence = true, LowConfidenceThreshold = 0.4 }));
    }

    [ProviderTheory]
    [InlineData(FeedbackFilter.Helpful, new[] { "conv-1" })]
    [InlineData(FeedbackFilter.NotHelpful, new[] { "conv-2" })]
    [InlineData(FeedbackFilter.None, new[] { "conv-4", "conv-3", "conv-5" })]
    [InlineData(FeedbackFilter.Any, new[] { "conv-4", "conv-3", "conv-2", "conv-1", "conv-5" })]
    public async Task FeedbackFilterLooksAtTheVisitorsRatings(FeedbackFilter feedback, string[] expected) =>
        Assert.Equal(expected, await Ids(new ConversationQuery { Feedback = feedback }));

    [ProviderFact]
    public async Task RoleMatchesCitedGuidesAndApplicationRolesButNotSectionIds()
    {
        // conv-4 cites "faq#mlops-engineer-vs-ml": the role is in the section id only, so it does not count.
        Assert.Equal(["conv-1"], await Ids(new ConversationQuery { Role = "mlops-engineer" }));
        // conv-5 has no answers; its application's roles text "Machine Learning Engineer" matches.
        Assert.Equal(["conv-4", "conv-3", "conv-5"], await Ids(new ConversationQuery { Role = "machine-learning-engineer" }));
        Assert.Equal(["conv-1"], await Ids(new ConversationQuery { Role = "MLOps Engineer" }));
        Assert.Empty(await Ids(new ConversationQuery { Role = "data-scientist" }));
    }

    [ProviderFact]
    public async Task TextSearchIgnoresCaseAndCoversVisitorAndBotTexts()
    {
        Assert.Equal(["conv-1"], await Ids(new ConversationQuery { Text = "MLOPS ENGINEER" }));
        Assert.Equal(["conv-3"], await Ids(new ConversationQuery { Text = "remotely" }));
        Assert.Empty(await Ids(new ConversationQuery { Text = "message" }));
    }

    [ProviderTheory]
    [InlineData("100%", "conv-3")]
    [InlineData("e_c", "conv-4")]
    [InlineData("snake_case", "conv-4")]
    public async Task WildcardsInTheSearchTextAreLiteral(string text, string only)
    {
        // Unescaped, "100%" would also match conv-4's "1000" and "e_c" conv-1's "the career".
        Assert.Equal([only], await Ids(new ConversationQuery { Text = text }));
    }

    [ProviderFact]
    public async Task TextResultsCarryASnippetAroundTheFirstMatch()
    {
        var visas = Assert.Single((await data.Db.Search.SearchAsync(new ConversationQuery { Text = "VISAS" }, CancellationToken.None)).Items);
        Assert.Equal("Do you sponsor visas for relocation?", visas.Snippet);

        var snake = Assert.Single((await data.Db.Search.SearchAsync(new ConversationQuery { Text = "snake_case" }, CancellationToken.None)).Items);
        Assert.StartsWith("…", snake.Snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snake.Snippet, StringComparison.Ordinal);
        Assert.Contains("what snake_case means for a 1000 line", snake.Snippet, StringComparison.Ordinal);
        Assert.True(snake.Snippet!.Length < PortalData.LongQuestion.Length);

        var plain = await data.Db.Search.SearchAsync(new ConversationQuery(), CancellationToken.None);
        Assert.All(plain.Items, i => Assert.Null(i.Snippet));
    }

    [ProviderFact]
    public async Task DatesAreWholeUtcDaysAndMatchConversationsActiveOnThem()
    {
        Assert.Equal(["conv-2"], await Ids(new ConversationQuery { From = new(2026, 3, 2), To = new(2026, 3, 2) }));
        Assert.Equal(["conv-3", "conv-2"], await Ids(new ConversationQuery { From = new(2026, 3, 2), To = new(2026, 3, 3) }));
        Assert.Equal(["conv-4"], await Ids(new ConversationQuery { From = new(2026, 3, 4) }));
        // conv-5 runs from 10 Feb 23:58 to 11 Feb 00:00, so either day finds it.
        Assert.Equal(["conv-5"], await Ids(new ConversationQuery { To = new(2026, 2, 10) }));
        Assert.Equal(["conv-5"], await Ids(new ConversationQuery { From = new(2026, 2, 11), To = new(2026, 2, 11) }));
        Assert.Empty(await Ids(new ConversationQuery { From = new(2026, 2, 12), To = new(2026, 2, 28) }));
    }

    [ProviderFact]
    public async Task FiltersCombine()
    {
        Assert.Equal(["conv-3"], await Ids(new ConversationQuery { Channel = "directline", LowConfidence = true }));
        Assert.Equal(["conv-5"], await Ids(new ConversationQuery { HasCv = true, Feedback = FeedbackFilter.None, Text = "HELLO" }));
        Assert.Empty(await Ids(new ConversationQuery { Channel = "msteams", HasCv = true }));
    }

    [ProviderFact]
    public async Task PagesSplitTheOrderedResultAndKeepTheTotal()
    {
        var pages = new List<ConversationPage>();
        for (var page = 1; page <= 4; page++)
        {
            pages.Add(await data.Db.Search.SearchAsync(new ConversationQuery { Page = page, PageSize = 2 }, CancellationToken.None));
        }

        Assert.All(pages, p => Assert.Equal(5, p.Total));
        Assert.Equal(["conv-4", "conv-3"], pages[0].Items.Select(i => i.Id));
        Assert.Equal(["conv-2", "conv-1"], pages[1].Items.Select(i => i.Id));
        Assert.Equal(["conv-5"], pages[2].Items.Select(i => i.Id));
        Assert.Empty(pages[3].Items);
    }

    [ProviderTheory]
    [InlineData(0, 0, 1, 1)]
    [InlineData(-3, 1000, 1, 100)]
    [InlineData(int.MaxValue, 100, int.MaxValue, 100)]
    public async Task PagingValuesOutOfRangeAreClamped(int page, int pageSize, int expectedPage, int expectedSize)
    {
        var result = await data.Db.Search.SearchAsync(new ConversationQuery { Page = page, PageSize = pageSize }, CancellationToken.None);

        Assert.Equal(expectedPage, result.Page);
        Assert.Equal(expectedSize, result.PageSize);
        Assert.Equal(5, result.Total);
        Assert.Equal(expectedPage == 1 ? Math.Min(5, expectedSize) : 0, result.Items.Count);
    }

    [ProviderFact]
    public async Task ItemsSummariseTheirConversation()
    {
        var items = (await data.Db.Search.SearchAsync(new ConversationQuery(), CancellationToken.None)).Items.ToDictionary(i => i.Id);

        var first = items["conv-1"];
        Assert.Equal("directline", first.ChannelId);
        Assert.Equal(PortalData.Utc(3, 1, 9), first.StartedAt);
        Assert.Equal(PortalData.Utc(3, 1, 9, 3), first.LastActivityAt);
        Assert.Equal((3, 1, 0, 0.85), (first.MessageCount, first.AnsweredCount, first.DeclinedCount, first.MinConfidence));
        Assert.Equal((true, "CV-1111"), (first.HasCv, first.CvReference));
        Assert.Equal((1, 0), (first.HelpfulCount, first.NotHelpfulCount));
        Assert.Equal("How much does an MLOps engineer earn?", first.FirstUserMessage);

        var declined = items["conv-2"];
        Assert.Equal((2, 0, 1, 0.2), (declined.MessageCount, declined.AnsweredCount, declined.DeclinedCount, declined.MinConfidence));
        Assert.Equal((false, null, 0, 1), (declined.HasCv, declined.CvReference, declined.HelpfulCount, declined.NotHelpfulCount));

        var quiet = items["conv-5"];
        Assert.Equal((2, 0, 0, null), (quiet.MessageCount, quiet.AnsweredCount, quiet.DeclinedCount, quiet.MinConfidence));
        Assert.Equal("hello", quiet.FirstUserMessage);

        var truncated = items["conv-4"].FirstUserMessage!;
        Assert.Equal(120, truncated.Length);
        Assert.Equal(PortalData.LongQuestion[..119] + "…", truncated);
    }
}

public sealed class ConversationSearchOnSqliteTests(PortalData.Sqlite data) : ConversationSearchTests(data), IClassFixture<PortalData.Sqlite>;

public sealed class ConversationSearchOnPostgresTests(PortalData.Postgres data) : ConversationSearchTests(data), IClassFixture<PortalData.Postgres>, IPostgresTests;
