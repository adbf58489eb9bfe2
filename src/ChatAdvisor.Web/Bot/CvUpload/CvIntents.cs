using System.Text.RegularExpressions;
using ChatAdvisor.Cvs;

namespace ChatAdvisor.Web.Bot.CvUpload;

/// <summary>Recognises requests to apply, to see one's data and to erase it.</summary>
internal static partial class CvIntents
{
    public static bool IsApply(string text) => ApplyPattern().IsMatch(Normalize(text));

    public static bool IsExport(string text) => ExportPattern().IsMatch(Normalize(text));

    public static bool IsErase(string text) => ErasePattern().IsMatch(Normalize(text));

    /// <summary>A request to see one's data, in English or in the words of the dialog's language.</summary>
    public static bool IsExport(string text, CvText words) => IsExport(text) || words.AsksForExport(text);

    /// <summary>A request to erase one's data, in English or in the words of the dialog's language.</summary>
    public static bool IsErase(string text, CvText words) => IsErase(text) || words.AsksForErasure(text);

    private static string Normalize(string text) => text.Trim().ToLowerInvariant().Replace('é', 'e').Replace('’', '\'');

    [GeneratedRegex(@"^(yes,? )?(please )?((i'?d like to|i would like to|i want to|can i|could i|how (do|can) i|let me) )?(apply|send (you )?my (cv|resume)|submit (my )?(cv|resume|application)|upload (my )?(cv|resume)|send (a|my) cv|take my cv|i'?m interested)\b")]
    private static partial Regex ApplyPattern();

    [GeneratedRegex(@"\b(what (personal )?(data|information|info|details) do you (hold|have|keep|store)|what do you (hold|have|keep|store|know) (about|on) me|(see|access|export|download|get) (a copy of )?(all )?my (personal )?(data|details|information))\b")]
    private static partial Regex ExportPattern();

    [GeneratedRegex(@"\b((delete|erase|remove|forget) (all )?(of )?my (personal )?(data|details|information|cv|application)|right to (be forgotten|erasure)|forget me)\b")]
    private static partial Regex ErasePattern();
}
