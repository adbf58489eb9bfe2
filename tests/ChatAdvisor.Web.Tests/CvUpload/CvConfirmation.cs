using System.Text.RegularExpressions;

namespace ChatAdvisor.Web.Tests.CvUpload;

/// <summary>
/// The bot's message that ends an application, as the candidate gets it: the reference (<c>CV-XXXX-XXXX</c>) and
/// the secret code (<c>XXXXX-XXXXX</c>) that a later data request asks for. The one place that knows their format.
/// </summary>
public sealed partial record CvConfirmation(string Text, string Reference)
{
    private const string ReferenceFormat = "CV-[A-Z0-9]{4}-[A-Z0-9]{4}";
    private const string SecretCodeFormat = "[A-Z0-9]{5}-[A-Z0-9]{5}";

    /// <summary>The reference as a browser shows the message (its markdown rendered), in the group <c>reference</c>.</summary>
    public static Regex RenderedReference => RenderedReferencePattern();

    /// <summary>The secret code, in clear; fails the test when the message does not hold it so.</summary>
    public string SecretCode
    {
        get
        {
            var code = MarkdownSecretCodePattern().Match(Text);
            Assert.True(code.Success, $"No secret code in: {Text}");
            return code.Groups["code"].Value;
        }
    }

    /// <summary>Reads the message's markdown, as the channel delivers it; fails when it holds no reference.</summary>
    public static CvConfirmation Parse(string markdown)
    {
        var reference = MarkdownReferencePattern().Match(markdown);
        Assert.True(reference.Success, $"No reference in: {markdown}");
        return new CvConfirmation(markdown, reference.Groups["reference"].Value);
    }

    [GeneratedRegex(@"\*\*Reference:\*\* (?<reference>" + ReferenceFormat + @")\b")]
    private static partial Regex MarkdownReferencePattern();

    [GeneratedRegex(@"\*\*Secret code:\*\* (?<code>" + SecretCodeFormat + @")\b")]
    private static partial Regex MarkdownSecretCodePattern();

    [GeneratedRegex(@"Reference:\s*(?<reference>" + ReferenceFormat + @")\b")]
    private static partial Regex RenderedReferencePattern();
}
