namespace ChatAdvisor.Cvs;

/// <summary>
/// Every word of the CV-upload and data-request dialogs, in English, keyed like the other messages: prompts,
/// buttons, confirmations, refusals and the reasons a file is not accepted. A translation gives the same keys in
/// <c>knowledge/&lt;code&gt;/messages.yaml</c>. Keys ending in <c>-words</c> are extra phrases, separated by <c>|</c>,
/// that pick an option or give a command in that language; English needs none (its phrases are built in), and
/// English phrases keep working in every language.
/// </summary>
public static class CvWords
{
    public static IReadOnlyDictionary<string, string> English { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Buttons and the words that pick them.
        ["cv-agree"] = "I agree",
        ["cv-agree-words"] = "",
        ["cv-decline"] = "No, thanks",
        ["cv-decline-words"] = "",
        ["cv-pool-yes"] = "Yes, keep me in mind",
        ["cv-pool-yes-words"] = "",
        ["cv-pool-no"] = "No, just this application",
        ["cv-pool-no-words"] = "",
        ["cv-both"] = "Both",
        ["cv-both-words"] = "",
        ["cv-skip"] = "Skip",
        ["cv-available-now"] = "Available now",
        ["cv-available-now-words"] = "",
        ["cv-one-month"] = "1 month",
        ["cv-one-month-words"] = "",
        ["cv-three-months"] = "3 months",
        ["cv-three-months-words"] = "",
        ["cv-confirm"] = "Confirm and send",
        ["cv-confirm-words"] = "",
        ["cv-change"] = "Change something",
        ["cv-change-words"] = "",
        ["cv-cancel"] = "Cancel",
        ["cv-field-name"] = "Name",
        ["cv-field-name-words"] = "",
        ["cv-field-email"] = "Email",
        ["cv-field-email-words"] = "",
        ["cv-field-roles"] = "Roles",
        ["cv-field-roles-words"] = "",
        ["cv-field-location"] = "Location",
        ["cv-field-location-words"] = "",
        ["cv-field-notice"] = "Notice period",
        ["cv-field-notice-words"] = "",
        ["cv-field-file"] = "CV file",
        ["cv-field-file-words"] = "",

        // Replies that mean yes, no or skip wherever they fit, and commands that work at every step.
        ["answer-yes-words"] = "",
        ["answer-clear-yes-words"] = "",
        ["answer-no-words"] = "",
        ["answer-skip-words"] = "",
        ["command-cancel-words"] = "",
        ["command-back-words"] = "",
        ["command-start-over-words"] = "",
        ["command-link-words"] = "",
        ["request-export-words"] = "",
        ["request-erase-words"] = "",
        ["request-apply-words"] = "",
        ["request-jobs-words"] = "",
        ["question-start-words"] = "",
        ["answer-negation-words"] = "",

        // The CV dialog.
        ["cv-consent"] = "Before you send your CV, please read how we handle it (notice version {version}):\n\n{summary}\n\n"
            + "[Read the full privacy notice]({url})\n\nDo you agree to us processing your CV for this application?",
        ["cv-declined"] = "No problem. I haven't stored anything. You can keep asking me about the roles.",
        ["cv-talent-pool"] = "Thank you. Would you also like us to keep your details in our talent pool and contact you about future roles? This is optional and you can withdraw at any time.",
        ["cv-name"] = "What's your full name?",
        ["cv-name-invalid"] = "Please type your name as you'd like recruiters to see it (2 to 100 characters).",
        ["cv-email"] = "Which email address should the recruiter use?",
        ["cv-email-invalid"] = "That doesn't look like an email address. Please type it like name@example.com.",
        ["cv-roles"] = "Which role or roles are you interested in?",
        ["cv-roles-invalid"] = "Please pick a role or describe it in a few words (up to 200 characters).",
        ["cv-location"] = "Where are you based, or where would you like to work? This is optional.",
        ["cv-notice-period"] = "What's your notice period or earliest start date? This is optional.",
        ["cv-free-text-too-long"] = "That's a bit long; please keep it under 200 characters.",
        ["cv-file"] = "Please attach your CV as a PDF, Word (DOCX or DOC), RTF, ODT or plain-text file, up to {size}. "
            + "Please leave out sensitive details such as health, religion or a photo; they aren't needed. "
            + "If you can't attach files here, type 'link' for a secure upload page.",
        ["cv-file-needed"] = "I'm waiting for your CV file. Please attach it, or type 'cancel' to stop.",
        ["cv-choose-option"] = "Sorry, I'm not sure which one you mean. Please choose one of these, or type its number:\n\n{options}\n\nOr type 'cancel' to stop.",
        ["cv-what-to-change"] = "What would you like to change?",
        ["cv-cancelled"] = "I've cancelled your application and deleted what you'd entered. Nothing was sent.",
        ["cv-start-over"] = "Let's start again from the beginning.",
        ["cv-nothing-to-go-back-to"] = "This is the first step, so there's nothing to go back to.",
        ["cv-expired"] = "Your earlier application wasn't finished in time, so I've deleted what you'd entered. You can start again whenever you like.",
        ["cv-summary"] = "Here's what I'll send to our recruiters:\n\n"
            + "- **Name:** {name}\n- **Email:** {email}\n- **Roles:** {roles}\n- **Location:** {location}\n- **Notice period:** {notice}\n"
            + "- **CV:** {file} ({size})\n- **Talent pool:** {pool}\n\nShall I send it?",
        ["cv-not-given"] = "not given",
        ["cv-summary-pool-yes"] = "yes, keep me in mind for future roles",
        ["cv-summary-pool-no"] = "no, this application only",
        ["cv-file-received"] = "Thanks, I've got **{file}** ({size}).",
        ["cv-submitted"] = "Thank you, {name}! Your application has been sent to our recruiters.\n\n"
            + "- **Reference:** {reference}\n- **Secret code:** {secret}\n\n"
            + "Please note both down now. With them you can ask me what we hold about you or to delete it. "
            + "A recruiter will read your CV and contact you by email if there's a suitable role. Nothing is decided automatically.",

        // Around files.
        ["cv-untrusted-link"] = "I can't fetch that file from where it was sent. Please attach it directly in this chat.",
        ["cv-file-gone"] = "That upload is no longer available. Please attach the file again.",
        ["cv-download-failed"] = "I couldn't download that file. Please try attaching it again.",
        ["cv-store-unavailable"] = "I can't store files right now, so I haven't kept it. Please try again in a few minutes.",
        ["cv-scan-unavailable"] = "I can't check files for viruses right now, so I haven't kept it. Please try again in a few minutes.",
        ["cv-infected"] = "Our virus scanner flagged that file, so I haven't kept it. Please check your file or send a different one.",
        ["cv-file-before-consent"] = "Thanks for the file. Before I can take a CV I need your agreement, so I haven't kept it; you can attach it again in a moment.",
        ["cv-one-file-only"] = "I can take one file per application, so I've used the first one.",
        ["cv-personal-chat-only"] = "To apply or to see or delete your data, please message me in a personal chat: contact details and CVs shouldn't be shared in a group.",
        ["cv-link-not-waiting"] = "This link isn't waiting for a file any more. Please go back to the chat and ask for a new link.",
        ["cv-upload-link"] = "You can send your CV through this secure page instead: [upload your CV]({url}). The link works once and expires in {minutes} minutes; I'll continue here as soon as the file arrives.",

        // Data requests.
        ["data-start-export"] = "I can show you what we hold from an application you sent through this chat. Please type the reference number you were given (it looks like CV-XXXX-XXXX).",
        ["data-start-erase"] = "I can delete an application you sent through this chat: the record, the CV file and your answers in the conversation. Please type the reference number you were given (it looks like CV-XXXX-XXXX).",
        ["data-not-a-reference"] = "That doesn't look like a reference number. It looks like CV-XXXX-XXXX. Type 'cancel' to stop.",
        ["data-confirm-erase"] = "This permanently deletes your application, your CV file and your answers in the chat. We only keep a note that you asked, without your personal details. Shall I go ahead?",
        ["data-yes-erase"] = "Yes, delete everything",
        ["data-no-keep"] = "No, keep it",
        ["data-ask-secret"] = "Now please type the secret code you were given with it (it looks like XXXXX-XXXXX). I'll remove it from this conversation straight after checking.",
        ["data-not-a-secret"] = "That doesn't look like the secret code (XXXXX-XXXXX). Type 'cancel' to stop.",
        ["data-stopped"] = "All right, I've stopped. Nothing was changed.",
        ["data-wrong-secret"] = "I couldn't find an application with that reference and secret code. Please check both and try again, or contact a recruiter.",
        ["data-locked"] = "There have been too many attempts for that reference. Please try again in an hour, or contact the agency's privacy contact.",
        ["data-erased"] = "Done. I've deleted your application, your CV file and your answers in this chat. We keep only a note that you asked, without your personal details.",
        ["data-export"] = "Here is everything we hold from application {reference}:\n\n"
            + "- **Name:** {name}\n- **Email:** {email}\n- **Roles:** {roles}\n- **Location:** {location}\n- **Notice period:** {notice}\n"
            + "- **CV file:** {file} ({type}, {bytes} bytes)\n- **Talent pool:** {pool}\n"
            + "- **Consent:** privacy notice version {version} ({language}), given {consented} UTC on {channel}\n- **Sent:** {sent} UTC\n\n"
            + "To delete it, say \"delete my data\".",
        ["data-yes"] = "yes",
        ["data-no"] = "no",

        // Why a file was not accepted: what is wrong and what to do instead, never the file's name or content.
        ["cv-problem-empty"] = "This file is empty. Please check that you picked the right file and send it again.",
        ["cv-problem-unsupported-type"] = "We can't accept this type of file. Please send your CV as a PDF, a Word document (.docx or .doc), an OpenDocument text (.odt), RTF or plain text (.txt).",
        ["cv-problem-not-what-its-name-says"] = "This file is named like a {type} file, but its content isn't a document we can accept. Please send your CV as a PDF, a Word document (.docx or .doc), an OpenDocument text (.odt), RTF or plain text (.txt).",
        ["cv-problem-too-large"] = "This file is larger than {size}, our limit for CVs. Please send a smaller file, for example a PDF without large images.",
        ["cv-problem-encrypted-pdf"] = "This PDF is password-protected, so we can't open it. Please remove the password or send a different file.",
        ["cv-problem-encrypted-document"] = "This document is password-protected, so we can't open it. Please remove the password, or save it as a PDF and send that.",
        ["cv-problem-damaged-pdf"] = "This PDF seems to be incomplete or damaged, so we can't open it. Please save or export it again and send the new file.",
        ["cv-problem-damaged"] = "This file seems to be damaged, so we can't open it. Please save or export it again and send the new file.",
        ["cv-problem-macros"] = "This document contains macros, which we can't accept for security reasons. Please save it as a regular Word document (.docx) or a PDF and send that.",
        ["cv-problem-too-much-content"] = "This document unpacks to far more data than a CV normally does, so we can't accept it. Please save it as a PDF and send that.",
        ["cv-problem-too-many-parts"] = "This document is made of far more parts than a CV normally is, so we can't accept it. Please save it as a PDF and send that.",
        ["cv-problem-pdf-active-content"] = "This PDF contains scripts, embedded files or actions that run by themselves, which we can't accept for security reasons. Please export your CV again as a plain PDF (for example with Print to PDF) or send it as a Word document (.docx).",
        ["cv-problem-pdf-uncheckable"] = "Parts of this PDF are packed in a way we can't check, so we can't accept it. Please export your CV again as a plain PDF (for example with Print to PDF) or send it as a Word document (.docx).",
        ["cv-problem-hidden-file"] = "This file has another file hidden inside it or attached to its end, which we can't accept for security reasons. Please export your CV again from the program you wrote it in and send the new file.",
        ["cv-problem-markup"] = "This file contains web page code or markup (HTML, SVG or XML), which we can't accept as a CV. Please send your CV as a PDF or Word document, or as plain text without tags.",
        ["cv-problem-embedded-objects"] = "This document contains embedded objects or controls, which we can't accept for security reasons. Please remove them, or save your CV as a PDF and send that.",
        ["cv-problem-remote-content"] = "This document loads content from elsewhere when it is opened (such as a linked template or picture), which we can't accept for security reasons. Please save your CV as a PDF and send that.",
        ["cv-problem-dde-field"] = "This document contains fields that fetch data from other programs, which we can't accept for security reasons. Please save your CV as a PDF and send that.",
        ["cv-problem-text-encoding"] = "We can't read the characters in this text file. Please save it as UTF-8 text, or send your CV as a PDF or Word document.",
    };
}
