namespace ChatAdvisor.Web.Bot;

/// <summary>
/// What the bot says outside of answers and not yet translated (the welcome, declines and hand-offs are in
/// <see cref="ChatAdvisor.Languages.MessageKeys"/>). Kept together so that wording can be reviewed in one place.
/// </summary>
internal static class BotMessages
{
    public const string SomethingWentWrong =
        "Sorry, something went wrong on my side while answering. Please try again in a moment.";

    public const string AiLabel = "AI-generated";

    public const string TenantNotAllowed = "Sorry, ChatAdvisor isn't available for your organisation. Please contact the agency if you think it should be.";

    public const string AskWhyNotHelpful = "Thanks for telling me. If you like, tell me what was wrong; it helps the agency improve its guides.";

    public const string ThanksForFeedback = "Thank you, I've passed that on.";
}
