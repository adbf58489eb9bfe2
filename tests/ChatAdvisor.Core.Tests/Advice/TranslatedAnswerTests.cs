using ChatAdvisor.Advice;
using ChatAdvisor.Core.Tests.Fakes;
using ChatAdvisor.Core.Tests.Generation;
using ChatAdvisor.Languages;

namespace ChatAdvisor.Core.Tests.Advice;

/// <summary>
/// A language without translated guides (Portuguese here), with a chat model configured: the question goes into
/// English, is answered from the English guides, and the model writes the answer in Portuguese under the same checks,
/// marked as a translation; when it cannot, the English answer stands, introduced as such.
/// </summary>
public sealed class TranslatedAnswerTests
{
    private const string Question = "Quanto ganha um engenheiro de MLOps em início de carreira?";
    private const string InEnglish = "How much does an entry-level MLOps engineer earn?";
    private static readonly AdviceContext Portuguese = AdviceContext.Empty with { Language = "pt" };

    [Fact]
    public async Task TheAnswerIsWrittenInTheVisitorsLanguageFromTheEnglishGuideAndMarkedAsATranslation()
    {
        const string written = "Os cargos de MLOps em início de carreira começam normalmente em cerca de €50,000 por ano [1].";
        var (advisor, chat) = Advisor(c => c.Reply(InEnglish).Reply(written));

        var answer = await advisor.AnswerAsync(Question, Portuguese, CancellationToken.None);

        Assert.Equal("en", answer.TranslatedFrom);
        Assert.Equal(ChatAdvisor.Advice.Advisor.GenerativeMode, answer.Mode);
        Assert.StartsWith(written, answer.Text, StringComparison.Ordinal);
        Assert.EndsWith($"_{MessageSet.English.Get(MessageKeys.AnswerTranslated)}_", answer.Text, StringComparison.Ordinal);
        Assert.Equal("mlops-engineer#salary", Assert.Single(answer.Citations).Key);
        Assert.Equal("pt", answer.Context.Language);
        Assert.Equal(2, chat.Requests.Count);
        Assert.Contains("from Portuguese into natural English", chat.Requests[0].Messages[0].Text, StringComparison.Ordinal);
        Assert.Equal(Question, chat.Requests[0].Messages[^1].Text.Trim());
        Assert.Contains("write the answer in Portuguese", chat.Requests[1].Messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("€50,000", chat.Requests[1].Messages[0].Text, StringComparison.Ordinal);
        Assert.Equal(Question, chat.Requests[1].Messages[^1].Text.Trim());
    }

    [Fact]
    public async Task AFigureInTheLocalFormatPassesTheCheck()
    {
        const string written = "Os cargos em início de carreira começam em cerca de 50.000 € por ano [1].";
        var (advisor, _) = Advisor(c => c.Reply(InEnglish).Reply(written));

        var answer = await advisor.AnswerAsync(Question, Portuguese, CancellationToken.None);

        Assert.Equal("en", answer.TranslatedFrom);
        Assert.StartsWith(written, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFigureTheGuideDoesNotStateFailsTheCheckAndTheEnglishAnswerStands()
    {
        var (advisor, _) = Advisor(c => c.Reply(InEnglish).Reply("Os cargos em início de carreira começam em cerca de 55.000 € por ano [1]."));

        var answer = await advisor.AnswerAsync(Question, Portuguese, CancellationToken.None);

        Assert.Null(answer.TranslatedFrom);
        Assert.Equal(ChatAdvisor.Advice.Advisor.ExtractiveMode, answer.Mode);
        Assert.Equal("unsupported-figure", answer.GenerationFallback);
        Assert.StartsWith(MessageSet.English.Get(MessageKeys.AnswerEnglishOnly), answer.Text, StringComparison.Ordinal);
        Assert.Contains("€50,000", answer.Text, StringComparison.Ordinal);
        Assert.Equal("mlops-engineer#salary", Assert.Single(answer.Citations).Key);
    }

    [Fact]
    public async Task WhenTheQuestionCannotBeTranslatedNothingIsPassedOffAsATranslation()
    {
        var (advisor, chat) = Advisor(c => c.Throw(new HttpRequestException("model down")));

        var answer = await advisor.AnswerAsync(Question, Portuguese, CancellationToken.None);

        Assert.Null(answer.TranslatedFrom);
        Assert.Single(chat.Requests);
        Assert.True(answer.Kind == AnswerKind.Abstained || answer.Text.StartsWith(MessageSet.English.Get(MessageKeys.AnswerEnglishOnly), StringComparison.Ordinal), answer.Text);
    }

    [Fact]
    public async Task ALanguageWithItsOwnGuidesIsAnsweredFromThemWithoutTranslation()
    {
        var (advisor, chat) = Advisor(c => c.Reply("Einstiegspositionen beginnen typischerweise bei rund 50.000 € im Jahr [1]."));

        var answer = await advisor.AnswerAsync("Was verdient ein MLOps Engineer beim Einstieg?", AdviceContext.Empty with { Language = "de" }, CancellationToken.None);

        Assert.Null(answer.TranslatedFrom);
        var request = Assert.Single(chat.Requests);
        Assert.DoesNotContain("Translate", request.Messages[0].Text, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("mlops-engineer#", Assert.Single(answer.Citations).Key, StringComparison.Ordinal);
    }

    private static (ChatAdvisor.Advice.Advisor Advisor, FakeChatClient Chat) Advisor(Func<FakeChatClient, FakeChatClient> script) =>
        GenerationFixtures.AdvisorWithModel(script);
}
