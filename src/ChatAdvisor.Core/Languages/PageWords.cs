namespace ChatAdvisor.Languages;

/// <summary>
/// The words of the site's own pages around the chat (header, AI disclosure, file panel, footer) and of the
/// upload page, in English; translated like the bot's messages in <c>knowledge/&lt;code&gt;/messages.yaml</c>.
/// </summary>
public static class PageWords
{
    public static IReadOnlyDictionary<string, string> English { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["page-title"] = "ChatAdvisor — careers in life-sciences machine learning",
        ["page-tagline"] = "Career guidance for MLOps and machine learning engineers in the life sciences",
        ["page-heading"] = "Ask about a role",
        ["page-intro"] = "Find out what MLOps engineers and machine learning engineers do, the skills and qualifications employers "
            + "look for, and typical salaries across Europe. Every answer comes from our published role guides and shows its source.",
        ["page-chat-label"] = "Chat with the ChatAdvisor assistant",
        ["page-ai-disclosure-title"] = "You are chatting with an AI assistant, not a person.",
        ["page-ai-disclosure"] = "It answers only from the agency's role guides and may not cover everything; a recruiter can help with anything else.",
        ["page-transcript-label"] = "Chat transcript and message box",
        ["page-file-ready"] = "File ready to send:",
        ["page-send-file"] = "Send file",
        ["page-remove-file"] = "Remove",
        ["page-files"] = "{count} files",
        ["page-you"] = "You",
        ["page-chat-failed"] = "The chat could not start ({reason}). Please reload the page in a moment.",
        ["page-footer"] = "ChatAdvisor gives general information about roles from the agency's guides. It does not rank, score or select candidates.",
        ["page-privacy-notice"] = "Privacy notice",
        ["page-privacy-heading"] = "Privacy notice for applications",
        ["page-privacy-contact"] = "Privacy contact:",
        ["page-ai-generated"] = "AI-generated",
        ["upload-title"] = "Send your CV",
        ["upload-file-label"] = "CV file (PDF, DOCX, DOC, RTF, ODT or TXT)",
        ["upload-send"] = "Send",
        ["upload-once"] = "This page works once and for a short time. See our {link}.",
        ["upload-privacy-link"] = "privacy notice",
        ["upload-received"] = "Thank you, we've received {file}. Please go back to the chat to check and send your application.",
        ["upload-incomplete"] = "The file did not arrive completely. Please try again.",
        ["upload-choose-file"] = "Please choose a file to send.",
        ["upload-too-large"] = "That file is too large. Please send a smaller version, for example a PDF export.",
    };
}
