using System.Text.RegularExpressions;

namespace ChatAdvisor.Advice;

/// <summary>
/// Some questions can only be answered by a certain kind of statement: "how long does it take" by a duration, "how
/// many engineers" by a number, "how much does it cost" by an amount. A section without one does not answer such a question,
/// however close it is in meaning ("How long does it take to become an MLOps engineer?" is not answered by the degree
/// FAQ). Other languages name those questions and a duration's units in their messages
/// (<c>question-duration-words</c>, <c>question-count-words</c>, <c>question-amount-words</c>, <c>duration-unit-words</c>).
/// </summary>
internal static partial class AnswerKinds
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Languages.MessageSet, Regex> s_durations = [];

    private enum Kind
    {
        Any,
        Duration,
        Amount,
        Count,
    }

    /// <summary>False when the question asks for a duration, a count or an amount and <paramref name="text"/> states none.</summary>
    public static bool CanAnswer(string question, string text, Languages.MessageSet messages) => KindOf(question, messages) switch
    {
        Kind.Duration => (messages.Language == "en" ? Duration() : s_durations.GetValue(messages, LocalDuration)).IsMatch(text),
        Kind.Amount => text.Any(char.IsAsciiDigit),
        // A salary is not a head count: only a number that is not an amount of money answers "how many".
        Kind.Count => Count().IsMatch(text),
        _ => true,
    };

    /// <summary>What the question asks for: by the English patterns, or by the phrases of its language's messages.</summary>
    private static Kind KindOf(string question, Languages.MessageSet messages)
    {
        if (messages.Language == "en")
        {
            return DurationQuestion().IsMatch(question) ? Kind.Duration
                : AmountQuestion().IsMatch(question) ? Kind.Amount
                : CountQuestion().IsMatch(question) ? Kind.Count
                : Kind.Any;
        }
        var words = Cvs.CvText.For(messages);
        return words.Says(question, Languages.MessageKeys.QuestionDurationWords) ? Kind.Duration
            : words.Says(question, Languages.MessageKeys.QuestionAmountWords) ? Kind.Amount
            : words.Says(question, Languages.MessageKeys.QuestionCountWords) ? Kind.Count
            : Kind.Any;
    }

    /// <summary>A number and, within a word or two, one of the language's units of time ("3 bis 5 Jahre").</summary>
    private static Regex LocalDuration(Languages.MessageSet messages)
    {
        var units = messages.Get(Languages.MessageKeys.DurationUnitWords).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape).ToList();
        return units.Count == 0
            ? new Regex("(?!)", RegexOptions.None, TimeSpan.FromSeconds(1))
            : new Regex($@"\d+(?:[.,]\d+)?\s*(?:(?:-|–|\p{{L}}+)\s*\d+\s*)?(?:{string.Join('|', units)})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex(@"\bhow long\b|\bhow many (years|months|weeks|days|hours)\b|\bhow (quickly|fast|soon) (can|could|will|would|do|does)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DurationQuestion();

    [GeneratedRegex(@"\b\d+(?:[.,]\d+)?\s*(?:(?:-|–|to)\s*\d+\s*)?(years?|months?|weeks?|days?|hours?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    // "How many MLOps engineers…", "how many jobs…": people and posts are counted by a number; "how many languages"
    // can be answered by a list.
    [GeneratedRegex(@"\bhow many\b(\s+[\w-]+){0,2}?\s+(people|engineers|jobs|roles|positions|openings|vacancies|companies|employers|candidates|applicants|professionals|specialists|employees|workers|hires)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CountQuestion();

    [GeneratedRegex(@"(?<![€$£\d.,])\d+(?![\d.,]*\s*(?:€|%|k\b))")]
    private static partial Regex Count();

    [GeneratedRegex(@"\bhow much\b.{0,40}\b(cost|costs|charge|charges|fee|fees|pay|paid|earn|earns|make|makes|salary|worth)\b|\bwhat (does|do|would|will) .{0,30}\bcost\b", RegexOptions.IgnoreCase)]
    private static partial Regex AmountQuestion();
}
