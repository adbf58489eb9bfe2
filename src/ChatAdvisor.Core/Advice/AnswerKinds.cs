using System.Text.RegularExpressions;

namespace ChatAdvisor.Advice;

/// <summary>
/// Some questions can only be answered by a certain kind of statement: "how long does it take" by a duration, "how
/// many engineers" by a number, "how much does it cost" by an amount. A section without one does not answer such a question,
/// however close it is in meaning ("How long does it take to become an MLOps engineer?" is not answered by the degree
/// FAQ). English questions only; other languages are not checked.
/// </summary>
internal static partial class AnswerKinds
{
    /// <summary>False when the question asks for a duration, a count or an amount and <paramref name="text"/> states none.</summary>
    public static bool CanAnswer(string question, string text, string language)
    {
        if (language != "en")
        {
            return true;
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
