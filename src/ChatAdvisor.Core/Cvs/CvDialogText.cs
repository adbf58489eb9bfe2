namespace ChatAdvisor.Cvs;

/// <summary>What the CV dialog says, in one place for review.</summary>
internal static class CvDialogText
{
    public const string Agree = "I agree";
    public const string Decline = "No, thanks";
    public const string PoolYes = "Yes, keep me in mind";
    public const string PoolNo = "No, just this application";
    public const string Skip = "Skip";
    public const string Confirm = "Confirm and send";
    public const string Change = "Change something";
    public const string Cancel = "Cancel";
    public const string Back = "Back";

    public static string Consent(PrivacyNotice notice) =>
        $"Before you send your CV, please read how we handle it (notice version {notice.Version}):\n\n{notice.Summary}\n\n"
        + $"[Read the full privacy notice]({notice.Url})\n\nDo you agree to us processing your CV for this application?";

    public const string Declined = "No problem. I haven't stored anything. You can keep asking me about the roles.";
    public const string TalentPool = "Thank you. Would you also like us to keep your details in our talent pool and contact you about future roles? This is optional and you can withdraw at any time.";
    public const string Name = "What's your full name?";
    public const string NameInvalid = "Please type your name as you'd like recruiters to see it (2 to 100 characters).";
    public const string Email = "Which email address should the recruiter use?";
    public const string EmailInvalid = "That doesn't look like an email address. Please type it like name@example.com.";
    public const string RolesQuestion = "Which role or roles are you interested in?";
    public const string RolesInvalid = "Please pick a role or describe it in a few words (up to 200 characters).";
    public const string Location = "Where are you based, or where would you like to work? This is optional.";
    public const string NoticePeriod = "What's your notice period or earliest start date? This is optional.";
    public const string FreeTextTooLong = "That's a bit long; please keep it under 200 characters.";
    public static string File(long maxBytes) =>
        $"Please attach your CV as a PDF, Word (DOCX or DOC), RTF, ODT or plain-text file, up to {CvProblems.Size(maxBytes)}. "
        + "Please leave out sensitive details such as health, religion or a photo; they aren't needed. "
        + "If you can't attach files here, type 'link' for a secure upload page.";
    public const string FileNeeded = "I'm waiting for your CV file. Please attach it, or type 'cancel' to stop.";
    public static string ChooseOption(IReadOnlyList<Choice> choices) =>
        "Sorry, I'm not sure which one you mean. Please choose one of these, or type its number:\n\n"
        + string.Join("\n", choices.Select((c, i) => $"{i + 1}. {c.Title}")) + "\n\nOr type 'cancel' to stop.";
    public const string WhatToChange = "What would you like to change?";
    public const string Cancelled = "I've cancelled your application and deleted what you'd entered. Nothing was sent.";
    public const string StartOver = "Let's start again from the beginning.";
    public const string NothingToGoBackTo = "This is the first step, so there's nothing to go back to.";
    public const string Expired = "Your earlier application wasn't finished in time, so I've deleted what you'd entered. You can start again whenever you like.";

    public static string Summary(CvDialogState s) =>
        "Here's what I'll send to our recruiters:\n\n"
        + $"- **Name:** {s.Name}\n- **Email:** {s.Email}\n- **Roles:** {s.Roles}\n"
        + $"- **Location:** {s.Location ?? "not given"}\n- **Notice period:** {s.NoticePeriod ?? "not given"}\n"
        + $"- **CV:** {s.File?.FileName} ({CvProblems.Size(s.File?.Size ?? 0)})\n"
        + $"- **Talent pool:** {(s.TalentPool ? "yes, keep me in mind for future roles" : "no, this application only")}\n\n"
        + "Shall I send it?";

    public static string FileReceived(CvFileRef file) => $"Thanks, I've got **{file.FileName}** ({CvProblems.Size(file.Size)}).";
}
