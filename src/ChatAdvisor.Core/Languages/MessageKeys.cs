namespace ChatAdvisor.Languages;

/// <summary>
/// The message keys and their English text, the source every translation follows: the bot's own messages here,
/// the CV and data-request dialogs' in <see cref="Cvs.CvWords"/>, the site pages' in <see cref="PageWords"/>.
/// </summary>
public static class MessageKeys
{
    public const string Welcome = "welcome";
    public const string Greeting = "greeting";
    public const string Help = "help";
    public const string NoListings = "no-listings";
    public const string SomethingWentWrong = "something-went-wrong";
    public const string AiLabel = "ai-label";
    public const string TellMeMore = "tell-me-more";
    public const string SendCv = "send-cv";
    public const string CvOffer = "cv-offer";
    public const string LanguageSwitched = "language-switched";
    public const string DeclineInstructions = "decline-instructions";
    public const string DeclineCoding = "decline-coding";
    public const string DeclineOtherProfession = "decline-other-profession";
    public const string DeclinePlace = "decline-place";
    public const string DeclineNotCovered = "decline-not-covered";
    public const string DeclineNearby = "decline-nearby";
    public const string DeclineTopics = "decline-topics";
    public const string DeclineRecruiter = "decline-recruiter";
    public const string And = "and";
    public const string AnswerTranslated = "answer-translated";
    public const string AnswerEnglishOnly = "answer-english-only";
    public const string ComparisonWords = "comparison-words";
    public const string QuestionDurationWords = "question-duration-words";
    public const string QuestionCountWords = "question-count-words";
    public const string QuestionAmountWords = "question-amount-words";
    public const string DurationUnitWords = "duration-unit-words";

    /// <summary>Every key with its English text.</summary>
    public static IReadOnlyDictionary<string, string> English { get; } =
        BotMessages().Concat(Cvs.CvWords.English).Concat(PageWords.English).ToDictionary(StringComparer.Ordinal);

    private static Dictionary<string, string> BotMessages() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Welcome] = "Hello! I'm **ChatAdvisor, an AI assistant**, not a person. I answer questions about the MLOps Engineer "
            + "and Machine Learning Engineer roles using only the agency's role guides, and I show where each answer "
            + "comes from. Ask me what the roles involve, which skills and qualifications they need, typical salaries "
            + "in Europe, or anything from the FAQs. Please don't share sensitive personal details here.",
        [Greeting] = "Hello! I'm an AI assistant for the agency's role guides. What would you like to know?",
        [Help] = "I'm an AI assistant. I can explain what MLOps engineers and machine learning engineers do, their "
            + "responsibilities, skills, qualifications, salaries in Europe and common questions, always from the "
            + "agency's guides and with the source shown.",
        [NoListings] = "I don't have job listings, so I can't search openings for you. The agency's recruiters place MLOps and machine "
            + "learning engineers with life-science employers across Europe: if you send your CV here, a recruiter will look "
            + "at it and get in touch about suitable roles. I can also tell you more about the roles themselves.",
        [SomethingWentWrong] = "Sorry, something went wrong on my side while answering. Please try again in a moment.",
        [AiLabel] = "AI-generated",
        [TellMeMore] = "Tell me more",
        [SendCv] = "Send my CV",
        [CvOffer] = "If you're interested in roles like this, I can take your CV and pass it to a recruiter.",
        [LanguageSwitched] = "Sure, I'll answer in English from now on.",
        [DeclineInstructions] = "I can only answer from the agency's role guides, and I can't change how I work.",
        [DeclineCoding] = "I can't help with programming tasks: I only answer questions about the roles in the agency's guides.",
        [DeclineOtherProfession] = "The agency's guides don't cover that role, so I won't guess.",
        [DeclinePlace] = "The {role} guide has nothing specific to {place}, so I won't guess.",
        [DeclineNotCovered] = "The agency's guides don't cover that, so I won't guess.",
        [DeclineNearby] = "What the {role} guide does cover is **{heading}**:",
        [DeclineTopics] = "I can tell you about the {roles} roles: what they do, responsibilities, skills, qualifications, salaries in Europe and common questions.",
        [DeclineRecruiter] = "For anything the guides don't cover, a recruiter can help: you can send your CV here and they will get in touch.",
        [And] = "{first} and {second}",
        [AnswerTranslated] = "Translated by AI from the agency's English guide; the sources are in English.",
        [AnswerEnglishOnly] = "The agency's guides are not available in your language yet, so here is what the English guide says:",
        // Words that ask for a comparison, space-separated; with two roles named they leave no topic (English is built in).
        [ComparisonWords] = "",
        // Phrases ('|' between them, '*' for a gap of a few words) of questions only a duration, a head count or an
        // amount of money answers, and the units of a duration, space-separated (English is built in: AnswerKinds).
        [QuestionDurationWords] = "",
        [QuestionCountWords] = "",
        [QuestionAmountWords] = "",
        [DurationUnitWords] = "",
    };
}
