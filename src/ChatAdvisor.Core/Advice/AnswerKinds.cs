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

    /// <summary>False when the question asks for a duration, a count or an amount and <paramref name="text"/> states none.</summary>
    public static bool CanAnswer(string question, string text, Languages.MessageSet messages)
    {
        if (messages.Language != "en")
        {
            var words = Cvs.CvText.For(messages);
            if (words.Says(question, Languages.MessageKeys.QuestionDurationWords))
            {
                return s_durations.GetValue(messages, LocalDuration).IsMatch(text);
            }
            if (words.Says(question, Languages.MessageKeys.QuestionAmountWords))
            {
                return text.Any(char.IsAsciiDigit);
            }
            return !words.Says(question, Languages.MessageKeys.QuestionCountWords) || Count().IsMatch(text);
        }
        if (DurationQuestion().IsMatch(question))
        {
            return Duration().IsMatch(text);
        }
        if (AmountQuestion().IsMatch(question))
        {
            return text.Any(char.IsAsciiDigit);
        }
        if (CountQuestion().IsMatch(question))
        {
            // A salary is not a head count: only a number that is not an amount of money answers "how many".
            return Count().IsMatch(text);
        }
        return true;
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
