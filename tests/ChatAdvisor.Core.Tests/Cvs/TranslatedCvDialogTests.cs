using ChatAdvisor.Core.Tests.Infrastructure;
using ChatAdvisor.Cvs;
using ChatAdvisor.Languages;

namespace ChatAdvisor.Core.Tests.Cvs;

/// <summary>The CV dialog in each translated language: natural replies pick the options, denials and questions do not.</summary>
public sealed class TranslatedCvDialogTests
{
    private static readonly PrivacyNotice s_notice = new("v1", "Summary.", "/privacy");

    private static CvText Words(string language) =>
        CvText.For(MessageSet.Parse(language, File.ReadAllText(Path.Combine(TestKnowledge.KnowledgeFolder, language, "messages.yaml")), language));

    private static CvDialogResult<CvDialogState> Run(CvUploadDialog dialog, params string[] replies)
    {
        var now = DateTimeOffset.UnixEpoch;
        var result = dialog.Start(now);
        foreach (var reply in replies)
        {
            result = dialog.Next(result.State!, new CvDialogInput(now, reply));
        }
        return result;
    }

    public static TheoryData<string> Languages => ["de", "fr", "nl", "es", "it"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryButtonOfEveryStepPicksItsOptionAndIsNotTheEnglishText(string language)
    {
        var words = Words(language);
        IReadOnlyList<Choice>[] steps = [words.Consent, words.TalentPool, words.NoticePeriods, words.Summary, words.Corrections];
        foreach (var choices in steps)
        {
            foreach (var choice in choices)
            {
                Assert.Same(choice, ChoiceRecognizer.Recognize(choices, choice.Title));
                // The English words still work.
                Assert.Same(choice, ChoiceRecognizer.Recognize(choices, CvText.English.Summary.Concat(CvText.English.Consent)
                    .Concat(CvText.English.TalentPool).Concat(CvText.English.NoticePeriods).Concat(CvText.English.Corrections)
                    .First(c => c.Value == choice.Value).Title));
            }
        }
        Assert.NotEqual(CvText.English.Agree.Title, words.Agree.Title);
        Assert.NotEqual(CvText.English["cv-name"], words["cv-name"]);
    }

    [Fact]
    public void GermanRepliesMoveTheDialogOnAndADenialOrAQuestionDoesNot()
    {
        var dialog = new CvUploadDialog(s_notice, 1024 * 1024, Words("de"));
        Assert.Equal(CvDialogStep.TalentPool, Run(dialog, "ja, ich stimme zu").State!.Step);
        Assert.Null(Run(dialog, "nein danke").State);
        var pool = Run(dialog, "ich stimme zu", "nicht in den talentpool");
        Assert.False(pool.State!.TalentPool);
        // "rather not" is a no; a yes that is denied is asked again: neither joins the talent pool.
        Assert.False(Run(dialog, "ich stimme zu", "Talentpool eher nicht").State!.TalentPool);
        Assert.Equal(CvDialogStep.TalentPool, Run(dialog, "ich stimme zu", "ja, aber nicht für künftige Stellen").State!.Step);
        Assert.Equal(CvDialogStep.Name, Run(dialog, "ich stimme zu", "nein").State!.Step);
        var question = Run(dialog, "ich stimme zu", "nein", "Was verdient ein MLOps Engineer in Deutschland");
        Assert.Equal(CvDialogStep.Name, question.State!.Step);
        Assert.Contains(question.Effects, e => e is AnswerQuestionEffect);
        Assert.Null(Run(dialog, "ich stimme zu", "abbrechen").State);
    }
}
