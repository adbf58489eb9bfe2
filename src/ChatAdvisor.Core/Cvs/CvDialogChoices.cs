namespace ChatAdvisor.Cvs;

/// <summary>The options each choice step offers and the words that pick them; the titles are the buttons.</summary>
internal static class CvDialogChoices
{
    public static readonly Choice Agree = new("agree", CvDialogText.Agree, ChoiceMeaning.Yes, Explicit: true)
    {
        Synonyms = ["yes i agree", "i consent", "yes i consent", "i do agree"],
    };

    public static readonly Choice Decline = new("decline", CvDialogText.Decline, ChoiceMeaning.No)
    {
        Synonyms = ["i do not agree", "i dont agree", "i disagree", "i do not consent", "i dont consent"],
    };

    public static readonly Choice PoolYes = new("yes", CvDialogText.PoolYes, ChoiceMeaning.Yes)
    {
        Synonyms = ["keep me in mind", "talent pool", "future roles", "keep my details", "sign me up", "add me"],
    };

    public static readonly Choice PoolNo = new("no", CvDialogText.PoolNo, ChoiceMeaning.No)
    {
        Synonyms = ["just this application", "this application only", "only this application", "just this one", "only this one", "just this job"],
    };

    public static readonly Choice Both = new("Both", "Both")
    {
        Synonyms = ["both of them", "both roles", "either", "either one", "all of them", "any of them", "mlops and machine learning", "mlops and ml"],
    };

    public static readonly Choice Skip = new("skip", CvDialogText.Skip, ChoiceMeaning.Skip);

    public static readonly Choice Confirm = new("confirm", CvDialogText.Confirm, ChoiceMeaning.Yes)
    {
        Synonyms = ["send", "send it", "submit", "submit it", "looks good", "all good", "thats correct", "thats right", "all correct"],
    };

    public static readonly Choice Change = new("change", CvDialogText.Change)
    {
        Synonyms = ["edit", "fix", "update", "correct something", "something is wrong", "something else"],
    };

    public static readonly Choice Cancel = new("cancel", CvDialogText.Cancel) { Synonyms = ["cancel it", "cancel my application"] };

    public static readonly IReadOnlyList<Choice> Consent = [Agree, Decline];

    public static readonly IReadOnlyList<Choice> TalentPool = [PoolYes, PoolNo];

    public static readonly IReadOnlyList<Choice> Roles =
    [
        new("MLOps Engineer", "MLOps Engineer") { Synonyms = ["mlops", "ml ops", "machine learning operations"] },
        new("Machine Learning Engineer", "Machine Learning Engineer") { Synonyms = ["ml engineer", "machine learning", "ml engineering"] },
        Both,
    ];

    public static readonly IReadOnlyList<Choice> Location = [Skip];

    public static readonly IReadOnlyList<Choice> NoticePeriods =
    [
        new("Available now", "Available now") { Synonyms = ["now", "immediately", "right away", "straight away", "asap", "as soon as possible"] },
        new("1 month", "1 month") { Synonyms = ["one month", "a month", "4 weeks"] },
        new("3 months", "3 months") { Synonyms = ["12 weeks", "a quarter"] },
        Skip,
    ];

    public static readonly IReadOnlyList<Choice> Summary = [Confirm, Change, Cancel];

    /// <summary>Values name the step to go back to.</summary>
    public static readonly IReadOnlyList<Choice> Corrections =
    [
        new(nameof(CvDialogStep.Name), "Name") { Synonyms = ["my name", "full name"] },
        new(nameof(CvDialogStep.Email), "Email") { Synonyms = ["email address", "mail", "address"] },
        new(nameof(CvDialogStep.Roles), "Roles") { Synonyms = ["role", "job", "position"] },
        new(nameof(CvDialogStep.Location), "Location") { Synonyms = ["where i live", "where im based", "city", "place"] },
        new(nameof(CvDialogStep.NoticePeriod), "Notice period") { Synonyms = ["notice", "start date", "availability", "when i can start"] },
        new(nameof(CvDialogStep.File), "CV file") { Synonyms = ["cv", "resume", "file", "document", "attachment"] },
    ];
}
