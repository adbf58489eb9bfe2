using ChatAdvisor.Cvs;

namespace ChatAdvisor.Core.Tests.Cvs;

/// <summary>Natural replies at the CV dialog's choice steps: where they lead, and what is asked again.</summary>
public sealed class CvDialogChoiceStepTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly CvFileRef s_file = new("key-1", "cv.pdf", CvFileType.Pdf, 52_000, "abc");
    private readonly CvUploadDialog _dialog = new(new PrivacyNotice("2026-11-23", "We keep it safe.", "/privacy"), 10 * 1024 * 1024);

    [Theory]
    [InlineData("yes")]
    [InlineData("Yes please")]
    [InlineData("I agree")]
    [InlineData("ok")]
    [InlineData("sure")]
    [InlineData("1")]
    public void AClearYesGivesConsentWithTheNoticeVersion(string reply)
    {
        var result = _dialog.Next(_dialog.Start(s_now).State!, Input(reply));

        Assert.Equal(CvDialogStep.TalentPool, result.State!.Step);
        Assert.Equal(s_now, result.State.ConsentedAt);
        Assert.Equal("2026-11-23", result.State.NoticeVersion);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("I guess")]
    [InlineData("fine")]
    [InlineData("whatever")]
    [InlineData("ok, but what happens to my data")]
    [InlineData("yeah why not")]
    [InlineData("I agre")]
    public void AVagueReplyIsNotConsentAndTheOptionsAreListedWithNumbers(string reply)
    {
        var result = _dialog.Next(_dialog.Start(s_now).State!, Input(reply));

        Assert.Equal(CvDialogStep.Consent, result.State!.Step);
        Assert.Null(result.State.ConsentedAt);
        Assert.Empty(result.Effects);
        Assert.Contains("1. I agree\n2. No, thanks", result.Messages[0].Text, StringComparison.Ordinal);
        Assert.Equal(_dialog.Prompt(CvDialogStep.Consent).Text, result.Messages[^1].Text);
    }

    [Theory]
    [InlineData("what happens to my data?")]
    [InlineData("What happens to my data")]
    [InlineData("I agree?")]
    [InlineData("yes?")]
    public void AQuestionAtTheConsentStepIsAnsweredAndIsNotConsent(string question)
    {
        var result = _dialog.Next(_dialog.Start(s_now).State!, Input(question));

        Assert.Equal(CvDialogStep.Consent, result.State!.Step);
        Assert.Null(result.State.ConsentedAt);
        Assert.Equal(question, Assert.IsType<AnswerQuestionEffect>(Assert.Single(result.Effects)).Question);
    }

    [Theory]
    [InlineData("no")]
    [InlineData("nope")]
    [InlineData("no thank you")]
    [InlineData("I'd rather not")]
    [InlineData("2")]
    public void ANoDeclinesConsentAndStoresNothing(string reply)
    {
        var result = _dialog.Next(_dialog.Start(s_now).State!, Input(reply));

        Assert.Null(result.State);
        Assert.Empty(result.Effects);
        Assert.Contains("haven't stored anything", result.Messages[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yes please", true)]
    [InlineData("yeah", true)]
    [InlineData("of course", true)]
    [InlineData("keep me in mind for future roles", true)]
    [InlineData("no", false)]
    [InlineData("nope", false)]
    [InlineData("nah", false)]
    [InlineData("not now", false)]
    [InlineData("no thanks, just this application", false)]
    [InlineData("2", false)]
    public void TheTalentPoolTakesYesOrNoInAnyWords(string reply, bool pool)
    {
        var result = _dialog.Next(CvUploadDialogTests.At(CvDialogStep.TalentPool), Input(reply));

        Assert.Equal(CvDialogStep.Name, result.State!.Step);
        Assert.Equal(pool, result.State.TalentPool);
    }

    [Theory]
    [InlineData(CvDialogStep.Roles, "2", "Machine Learning Engineer")]
    [InlineData(CvDialogStep.Roles, "both please", "MLOps Engineer, Machine Learning Engineer")]
    [InlineData(CvDialogStep.Roles, "I'm interested in MLOps", "MLOps Engineer")]
    [InlineData(CvDialogStep.Roles, "Data engineer", "Data engineer")]
    [InlineData(CvDialogStep.Location, "skip it", null)]
    [InlineData(CvDialogStep.Location, "I'd rather not say", null)]
    [InlineData(CvDialogStep.Location, "no thanks", null)]
    [InlineData(CvDialogStep.Location, "Munich", "Munich")]
    [InlineData(CvDialogStep.NoticePeriod, "prefer not to say", null)]
    [InlineData(CvDialogStep.NoticePeriod, "3", "3 months")]
    [InlineData(CvDialogStep.NoticePeriod, "about a month", "1 month")]
    [InlineData(CvDialogStep.NoticePeriod, "right away", "Available now")]
    [InlineData(CvDialogStep.NoticePeriod, "2 months", "2 months")]
    public void AnOptionalOrOpenAnswerTakesAnOptionInNaturalWordsOrTheVisitorsOwn(CvDialogStep step, string reply, string? stored)
    {
        var result = _dialog.Next(CvUploadDialogTests.At(step), Input(reply));

        Assert.Equal(step + 1, result.State!.Step);
        Assert.Equal(stored, step switch
        {
            CvDialogStep.Roles => result.State.Roles,
            CvDialogStep.Location => result.State.Location,
            _ => result.State.NoticePeriod,
        });
    }

    [Theory]
    [InlineData(CvDialogStep.Roles, "mlops engineer or machine learning engineer", "1. MLOps Engineer\n2. Machine Learning Engineer\n3. Both")]
    [InlineData(CvDialogStep.Summary, "no", "1. Confirm and send\n2. Change something\n3. Cancel")]
    [InlineData(CvDialogStep.Summary, "not yet", "1. Confirm and send\n2. Change something\n3. Cancel")]
    [InlineData(CvDialogStep.ChooseCorrection, "the email and the name", "1. Name\n2. Email\n3. Roles\n4. Location\n5. Notice period\n6. CV file")]
    public void AnAmbiguousReplyIsAskedAgainWithTheOptionsNumbered(CvDialogStep step, string reply, string numbered)
    {
        var state = CvUploadDialogTests.At(step) with { File = s_file };

        var result = _dialog.Next(state, Input(reply));

        Assert.Equal(step, result.State!.Step);
        Assert.Empty(result.Effects);
        Assert.Contains(numbered, result.Messages[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yes please send it")]
    [InlineData("yep")]
    [InlineData("confrim and send")]
    [InlineData("1")]
    public void TheSummaryIsSentOnAnyClearYes(string reply)
    {
        var result = _dialog.Next(CvUploadDialogTests.At(CvDialogStep.Summary) with { File = s_file }, Input(reply));

        Assert.Null(result.State);
        Assert.IsType<SubmitEffect>(Assert.Single(result.Effects));
    }

    [Fact]
    public void ChoosingCancelByItsNumberCancelsAndDiscardsTheFile()
    {
        var result = _dialog.Next(CvUploadDialogTests.At(CvDialogStep.Summary) with { File = s_file }, Input("3"));

        Assert.Null(result.State);
        Assert.Equal("key-1", Assert.IsType<DiscardFileEffect>(Assert.Single(result.Effects)).StorageKey);
    }

    [Theory]
    [InlineData("change my email", "2", CvDialogStep.Email)]
    [InlineData("I want to change something", "the cv", CvDialogStep.File)]
    [InlineData("chnage something", "notise period", CvDialogStep.NoticePeriod)]
    [InlineData("2", "where I live", CvDialogStep.Location)]
    public void ACorrectionIsChosenInNaturalWords(string change, string which, CvDialogStep step)
    {
        var choosing = _dialog.Next(CvUploadDialogTests.At(CvDialogStep.Summary) with { File = s_file }, Input(change));
        Assert.Equal(CvDialogStep.ChooseCorrection, choosing.State!.Step);

        var correcting = _dialog.Next(choosing.State, Input(which));

        Assert.Equal(step, correcting.State!.Step);
        Assert.True(correcting.State.ReturnToSummary);
    }

    [Fact]
    public void AWholeApplicationCanBeAnsweredInNaturalWords()
    {
        (string Reply, CvDialogStep Next)[] script =
        [
            ("yes please", CvDialogStep.TalentPool),
            ("nope", CvDialogStep.Name),
            ("Ada Lovelace", CvDialogStep.Email),
            ("ada@example.com", CvDialogStep.Roles),
            ("2", CvDialogStep.Location),
            ("skip it", CvDialogStep.NoticePeriod),
            ("I'd rather not", CvDialogStep.File),
        ];
        var state = _dialog.Start(s_now).State!;
        foreach (var (reply, next) in script)
        {
            state = _dialog.Next(state, Input(reply)).State!;
            Assert.Equal(next, state.Step);
        }
        state = _dialog.Next(state, new CvDialogInput(s_now, File: s_file)).State!;

        var sent = _dialog.Next(state, Input("sure, send it"));

        var application = Assert.IsType<SubmitEffect>(Assert.Single(sent.Effects)).Application;
        Assert.NotNull(application.ConsentedAt);
        Assert.False(application.TalentPool);
        Assert.Equal("Machine Learning Engineer", application.Roles);
        Assert.Null(application.Location);
        Assert.Null(application.NoticePeriod);
    }

    private static CvDialogInput Input(string text) => new(s_now, text);
}
