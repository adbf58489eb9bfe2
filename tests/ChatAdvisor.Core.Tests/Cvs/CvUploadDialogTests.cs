using ChatAdvisor.Cvs;

namespace ChatAdvisor.Core.Tests.Cvs;

/// <summary>Dialog scripts: what the visitor types, what the dialog answers and asks the host to do.</summary>
public sealed class CvUploadDialogTests
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly CvFileRef s_file = new("key-1", "cv.pdf", CvFileType.Pdf, 52_000, "abc");
    private readonly CvUploadDialog _dialog = new(new PrivacyNotice("2026-11-23", "We keep it safe.", "/privacy"), 10 * 1024 * 1024);

    [Fact]
    public void HappyPathCollectsEverythingAndSubmitsWithTheConsentRecord()
    {
        var (state, result) = Run(
            "I agree", "Yes, keep me in mind", "Ada Lovelace", "ada@example.com", "Both", "Munich", "1 month");
        Assert.Equal(CvDialogStep.File, state!.Step);
        Assert.True(result.Messages[^1].WantsFile);

        var withFile = _dialog.Next(state, new CvDialogInput(s_start.AddMinutes(5), File: s_file, ActivityId: "a-file"));
        Assert.Equal(CvDialogStep.Summary, withFile.State!.Step);
        Assert.Contains("cv.pdf", withFile.Messages[0].Text, StringComparison.Ordinal);
        var summary = withFile.Messages[^1].Text;
        Assert.Contains("Ada Lovelace", summary, StringComparison.Ordinal);
        Assert.Contains("ada@example.com", summary, StringComparison.Ordinal);
        Assert.Contains("MLOps Engineer, Machine Learning Engineer", summary, StringComparison.Ordinal);
        Assert.Contains("keep me in mind", summary, StringComparison.Ordinal);

        var submitted = _dialog.Next(withFile.State, new CvDialogInput(s_start.AddMinutes(6), "Confirm and send"));
        Assert.Null(submitted.State);
        var application = Assert.IsType<SubmitEffect>(Assert.Single(submitted.Effects)).Application;
        Assert.Equal("2026-11-23", application.NoticeVersion);
        Assert.Equal(s_start.AddMinutes(1), application.ConsentedAt);
        Assert.True(application.TalentPool);
        Assert.Equal("Munich", application.Location);
        Assert.Equal(s_file, application.File);
        Assert.Contains("a-file", application.AnswerActivityIds);
        Assert.Contains("t3", application.AnswerActivityIds);
    }

    [Fact]
    public void ConsentIsAskedFirstWithTheNoticeAndDecliningStoresNothing()
    {
        var start = _dialog.Start(s_start);
        Assert.Contains("We keep it safe.", start.Messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("/privacy", start.Messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("2026-11-23", start.Messages[0].Text, StringComparison.Ordinal);

        var declined = _dialog.Next(start.State!, new CvDialogInput(s_start, "No, thanks"));

        Assert.Null(declined.State);
        Assert.Empty(declined.Effects);
        Assert.Contains("haven't stored anything", declined.Messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TalentPoolIsASeparateOptionalChoice()
    {
        var (state, _) = Run("I agree", "No, just this application");
        Assert.False(state!.TalentPool);
        Assert.NotNull(state.ConsentedAt);
        Assert.Equal(CvDialogStep.Name, state.Step);
    }

    [Theory]
    [InlineData(CvDialogStep.Name, "How much do MLOps engineers earn?")]
    [InlineData(CvDialogStep.Email, "What skills does an ML engineer need?")]
    [InlineData(CvDialogStep.Consent, "who will see my CV?")]
    [InlineData(CvDialogStep.File, "Which qualifications do I need?")]
    public void AQuestionInTheMiddleIsAnsweredAndTheSameStepAskedAgain(CvDialogStep step, string question)
    {
        var state = At(step);

        var result = _dialog.Next(state, new CvDialogInput(s_start.AddMinutes(2), question));

        Assert.Equal(question, Assert.IsType<AnswerQuestionEffect>(Assert.Single(result.Effects)).Question);
        Assert.Equal(step, result.State!.Step);
        Assert.Equal(_dialog.Prompt(step).Text, result.Messages[^1].Text);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("ada@localhost")]
    [InlineData("two@@example.com")]
    public void InvalidEmailIsRefusedWithHowToFixIt(string email)
    {
        var result = _dialog.Next(At(CvDialogStep.Email), new CvDialogInput(s_start, email));

        Assert.Equal(CvDialogStep.Email, result.State!.Step);
        Assert.Contains("name@example.com", result.Messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CancelAtAnyStepDiscardsTheFileAndEnds()
    {
        var state = At(CvDialogStep.Summary) with { File = s_file };

        var result = _dialog.Next(state, new CvDialogInput(s_start, "cancel"));

        Assert.Null(result.State);
        Assert.Equal("key-1", Assert.IsType<DiscardFileEffect>(Assert.Single(result.Effects)).StorageKey);
    }

    [Fact]
    public void StartOverForgetsAnswersAndAsksForConsentAgain()
    {
        var state = At(CvDialogStep.File) with { File = s_file };

        var result = _dialog.Next(state, new CvDialogInput(s_start, "start over"));

        Assert.Equal(CvDialogStep.Consent, result.State!.Step);
        Assert.Null(result.State.Name);
        Assert.IsType<DiscardFileEffect>(Assert.Single(result.Effects));
    }

    [Fact]
    public void BackReturnsToThePreviousStep()
    {
        var (state, _) = Run("I agree", "No, just this application", "Ada Lovelace");
        Assert.Equal(CvDialogStep.Email, state!.Step);

        var back = _dialog.Next(state, new CvDialogInput(s_start, "back"));
        Assert.Equal(CvDialogStep.Name, back.State!.Step);

        var first = _dialog.Next(_dialog.Start(s_start).State!, new CvDialogInput(s_start, "back"));
        Assert.Equal(CvDialogStep.Consent, first.State!.Step);
        Assert.Contains("nothing to go back to", first.Messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CorrectingOneAnswerFromTheSummaryReturnsToTheSummary()
    {
        var summary = At(CvDialogStep.Summary) with { Email = "old@example.com", File = s_file };

        var choose = _dialog.Next(summary, new CvDialogInput(s_start, "Change something"));
        var email = _dialog.Next(choose.State!, new CvDialogInput(s_start, "Email"));
        var done = _dialog.Next(email.State!, new CvDialogInput(s_start, "new@example.com"));

        Assert.Equal(CvDialogStep.Email, email.State!.Step);
        Assert.Equal(CvDialogStep.Summary, done.State!.Step);
        Assert.Contains("new@example.com", done.Messages[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplacingTheFileDiscardsTheOldOne()
    {
        var correcting = At(CvDialogStep.File) with { File = s_file, ReturnToSummary = true };
        var replacement = s_file with { StorageKey = "key-2", FileName = "cv-v2.pdf" };

        var result = _dialog.Next(correcting, new CvDialogInput(s_start, File: replacement));

        Assert.Equal("key-1", Assert.IsType<DiscardFileEffect>(Assert.Single(result.Effects)).StorageKey);
        Assert.Equal(replacement, result.State!.File);
        Assert.Equal(CvDialogStep.Summary, result.State.Step);
    }

    [Fact]
    public void ARefusedFileIsExplainedAndTheFileAskedForAgain()
    {
        var result = _dialog.Next(At(CvDialogStep.File), new CvDialogInput(s_start, RejectedFileProblem: "This PDF is password-protected."));

        Assert.Equal(CvDialogStep.File, result.State!.Step);
        Assert.Equal("This PDF is password-protected.", result.Messages[0].Text);
        Assert.True(result.Messages[^1].WantsFile);
        Assert.Empty(result.Effects);
    }

    [Fact]
    public void AnIdleDialogExpiresAndItsFileIsDiscarded()
    {
        var state = At(CvDialogStep.Summary) with { File = s_file, LastActivityAt = s_start };

        Assert.False(CvUploadDialog.IsExpired(state, s_start.AddMinutes(29), TimeSpan.FromMinutes(30)));
        Assert.True(CvUploadDialog.IsExpired(state, s_start.AddMinutes(31), TimeSpan.FromMinutes(30)));
        Assert.IsType<DiscardFileEffect>(Assert.Single(CvUploadDialog.Expire(state).Effects));
    }

    private (CvDialogState? State, CvDialogResult<CvDialogState> Last) Run(params string[] inputs)
    {
        var result = _dialog.Start(s_start);
        var state = result.State;
        for (var i = 0; i < inputs.Length; i++)
        {
            result = _dialog.Next(state!, new CvDialogInput(s_start.AddMinutes(i + 1), inputs[i], ActivityId: $"t{i + 1}"));
            state = result.State;
        }
        return (state, result);
    }

    internal static CvDialogState At(CvDialogStep step) => new()
    {
        Step = step,
        StartedAt = s_start,
        LastActivityAt = s_start,
        ConsentedAt = s_start,
        NoticeVersion = "2026-11-23",
        Name = "Ada Lovelace",
        Email = "ada@example.com",
        Roles = "MLOps Engineer",
        History = [CvDialogStep.Consent],
    };
}
