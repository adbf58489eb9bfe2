using System.Text.RegularExpressions;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Hides the candidate's secret code: in what the transcript stores (the bot's confirmation, and a message that is
/// only a code, as typed for a data request) and wherever staff read conversations (transcript views, exports,
/// search snippets). With it and the reference anyone could see or erase the application.
/// </summary>
public static partial class SecretMask
{
    public const string Masked = "•••••-•••••";

    public static string? Apply(string? text) => text is null ? null : SecretPattern().Replace(text, "${label}" + Masked);

    /// <summary>
    /// The stored form of an activity's text and JSON: the labelled code masked in both, and a text that is only a
    /// code (with its copy in the JSON) replaced by <see cref="Masked"/>. Returns the input when nothing is secret.
    /// </summary>
    public static (string? Text, string Json) ForStorage(string? text, string json)
    {
        if (text is not null && BareCodePattern().IsMatch(text))
        {
            return (Masked, json.Replace(text.Trim(), Masked, StringComparison.Ordinal));
        }
        return (Apply(text), Apply(json)!);
    }

    [GeneratedRegex(@"(?<label>Secret code:\**\s*)[A-Z0-9]{5}-[A-Z0-9]{5}")]
    private static partial Regex SecretPattern();

    /// <summary>
    /// The candidate's answer when the data-request dialog asks for the code, written as it was given. Not the
    /// dialog's looser pattern, which also takes two five-letter words ("Hello there") that reviewers need to read.
    /// </summary>
    [GeneratedRegex(@"^\s*[a-z0-9]{5}-[a-z0-9]{5}\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BareCodePattern();
}
