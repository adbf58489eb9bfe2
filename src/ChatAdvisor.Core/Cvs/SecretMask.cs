using System.Text.RegularExpressions;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Hides the candidate's secret code wherever staff read conversations (transcript views, exports, search
/// snippets): with it and the reference anyone could see or erase the application.
/// </summary>
public static partial class SecretMask
{
    public const string Masked = "•••••-•••••";

    public static string? Apply(string? text) => text is null ? null : SecretPattern().Replace(text, "${label}" + Masked);

    [GeneratedRegex(@"(?<label>Secret code:\**\s*)[A-Z0-9]{5}-[A-Z0-9]{5}")]
    private static partial Regex SecretPattern();
}
