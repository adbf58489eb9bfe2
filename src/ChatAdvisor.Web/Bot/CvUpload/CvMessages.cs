using ChatAdvisor.Cvs;

namespace ChatAdvisor.Web.Bot.CvUpload;

/// <summary>What the bot says around CV files and data requests, in one place for review.</summary>
internal static class CvMessages
{
    public const string UntrustedLink = "I can't fetch that file from where it was sent. Please attach it directly in this chat.";
    public const string FileGone = "That upload is no longer available. Please attach the file again.";
    public const string DownloadFailed = "I couldn't download that file. Please try attaching it again.";
    public const string StoreUnavailable = "I can't store files right now, so I haven't kept it. Please try again in a few minutes.";
    public const string ScanUnavailable = "I can't check files for viruses right now, so I haven't kept it. Please try again in a few minutes.";
    public const string Infected = "Our virus scanner flagged that file, so I haven't kept it. Please check your file or send a different one.";
    public const string FileBeforeConsent = "Thanks for the file. Before I can take a CV I need your agreement, so I haven't kept it; you can attach it again in a moment.";
    public const string OneFileOnly = "I can take one file per application, so I've used the first one.";
    public const string PersonalChatOnly = "To apply or to see or delete your data, please message me in a personal chat: contact details and CVs shouldn't be shared in a group.";
    public const string LinkNotWaiting = "This link isn't waiting for a file any more. Please go back to the chat and ask for a new link.";

    public static string UploadLink(string url, TimeSpan lifetime) =>
        FormattableString.Invariant($"You can send your CV through this secure page instead: [upload your CV]({url}). The link works once and expires in {lifetime.TotalMinutes:0} minutes; I'll continue here as soon as the file arrives.");
    public const string WrongSecret = "I couldn't find an application with that reference and secret code. Please check both and try again, or contact a recruiter.";
    public const string Locked = "There have been too many attempts for that reference. Please try again in an hour, or contact the agency's privacy contact.";
    public const string Erased = "Done. I've deleted your application, your CV file and your answers in this chat. We keep only a note that you asked, without your personal details.";


    public static string Submitted(SubmittedCv submitted, string name) =>
        $"Thank you, {name}! Your application has been sent to our recruiters.\n\n"
        + $"- **Reference:** {submitted.Reference}\n- **Secret code:** {submitted.Secret}\n\n"
        + "Please note both down now. With them you can ask me what we hold about you or to delete it. "
        + "A recruiter will read your CV and contact you by email if there's a suitable role. Nothing is decided automatically.";

    public static string Export(CvSubmission s) =>
        $"Here is everything we hold from application {s.Reference}:\n\n"
        + $"- **Name:** {s.Name}\n- **Email:** {s.Email}\n- **Roles:** {s.Roles}\n- **Location:** {s.Location ?? "not given"}\n"
        + $"- **Notice period:** {s.NoticePeriod ?? "not given"}\n- **CV file:** {s.FileName} ({s.FileType}, {s.FileSize:N0} bytes)\n"
        + $"- **Talent pool:** {(s.TalentPool ? "yes" : "no")}\n"
        + FormattableString.Invariant($"- **Consent:** privacy notice version {s.NoticeVersion}, given {s.ConsentedAt:yyyy-MM-dd HH:mm} UTC on {s.ChannelId}\n")
        + FormattableString.Invariant($"- **Sent:** {s.SubmittedAt:yyyy-MM-dd HH:mm} UTC\n\n")
        + "To delete it, say \"delete my data\".";
}
