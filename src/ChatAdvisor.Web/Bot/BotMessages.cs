namespace ChatAdvisor.Web.Bot;

/// <summary>What the bot says outside of answers. Kept together so that wording can be reviewed in one place.</summary>
internal static class BotMessages
{
    public const string Welcome =
        "Hello! I'm **ChatAdvisor, an AI assistant**, not a person. I answer questions about the MLOps Engineer "
        + "and Machine Learning Engineer roles using only the agency's role guides, and I show where each answer "
        + "comes from. Ask me what the roles involve, which skills and qualifications they need, typical salaries "
        + "in Europe, or anything from the FAQs. Please don't share sensitive personal details here.";

    public const string Greeting = "Hello! I'm an AI assistant for the agency's role guides. What would you like to know?";

    public const string Help =
        "I'm an AI assistant. I can explain what MLOps engineers and machine learning engineers do, their "
        + "responsibilities, skills, qualifications, salaries in Europe and common questions, always from the "
        + "agency's guides and with the source shown.";

    public const string NoListings =
        "I don't have job listings, so I can't search openings for you. The agency's recruiters place MLOps and machine "
        + "learning engineers with life-science employers across Europe: if you send your CV here, a recruiter will look "
        + "at it and get in touch about suitable roles. I can also tell you more about the roles themselves.";

    public const string SomethingWentWrong =
        "Sorry, something went wrong on my side while answering. Please try again in a moment.";

    public const string AiLabel = "AI-generated";

    public const string TenantNotAllowed = "Sorry, ChatAdvisor isn't available for your organisation. Please contact the agency if you think it should be.";

    public const string AskWhyNotHelpful = "Thanks for telling me. If you like, tell me what was wrong; it helps the agency improve its guides.";

    public const string ThanksForFeedback = "Thank you, I've passed that on.";
}
