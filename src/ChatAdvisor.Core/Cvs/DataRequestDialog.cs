using System.Text.RegularExpressions;

namespace ChatAdvisor.Cvs;

/// <summary>
/// "What do you hold about me?" and "delete my data": asks for the reference and the secret given at submission,
/// confirming first for erasure. Pure: checking and erasing are effects the host carries out. The secret is never
/// kept in the state.
/// </summary>
public static partial class DataRequestDialog
{
    public static CvDialogResult<DataRequestState> Start(DataRequestKind kind, CvText? words = null)
    {
        var w = words ?? CvText.English;
        return new(new DataRequestState(kind, DataRequestStep.Reference, null),
            [new(w[kind == DataRequestKind.Export ? "data-start-export" : "data-start-erase"], [w.Cancel.Title])], []);
    }

    public static CvDialogResult<DataRequestState> Next(DataRequestState state, string text, string? activityId, CvText? words = null)
    {
        var w = words ?? CvText.English;
        var input = text.Trim();
        string[] cancel = [w.Cancel.Title];
        string[] confirm = [w["data-yes-erase"], w["data-no-keep"]];
        if (input.Equals("cancel", StringComparison.OrdinalIgnoreCase) || input.Equals("no, keep it", StringComparison.OrdinalIgnoreCase)
            || w.IsCancel(input) || ChoiceReply.Normalize(input) == ChoiceReply.Normalize(w["data-no-keep"]))
        {
            return new(null, [new(w["data-stopped"], [])], []);
        }
        switch (state.Step)
        {
            case DataRequestStep.Reference when ReferencePattern().IsMatch(input):
                var reference = CvSubmissions.CanonicalReference(input);
                return state.Kind == DataRequestKind.Erase
                    ? new(state with { Step = DataRequestStep.Confirm, Reference = reference }, [new(w["data-confirm-erase"], confirm)], [])
                    : new(state with { Step = DataRequestStep.Secret, Reference = reference }, [new(w["data-ask-secret"], cancel)], []);
            case DataRequestStep.Reference:
                return new(state, [new(w["data-not-a-reference"], cancel)], []);
            case DataRequestStep.Confirm when IsYes(input, w):
                return new(state with { Step = DataRequestStep.Secret }, [new(w["data-ask-secret"], cancel)], []);
            case DataRequestStep.Confirm:
                return new(state, [new(w["data-confirm-erase"], confirm)], []);
            case DataRequestStep.Secret when SecretPattern().IsMatch(input):
                return new(null, [], [new DataRequestEffect(state.Kind, state.Reference!, input, activityId)]);
            default:
                return new(state, [new(w["data-not-a-secret"], cancel)], []);
        }
    }

    /// <summary>Erasure goes ahead only on its own button or a plain yes (in English or the dialog's language).</summary>
    private static bool IsYes(string input, CvText words)
    {
        var reply = ChoiceReply.Normalize(input);
        return reply == ChoiceReply.Normalize(words["data-yes-erase"]) || reply == ChoiceReply.Normalize(CvWords.English["data-yes-erase"])
            || reply == "yes" || reply == ChoiceReply.Normalize(words["data-yes"])
            || words.IsClearYes(input);
    }

    [GeneratedRegex(@"^\s*cv[\s-]*[a-z0-9]{4}[\s-]*[a-z0-9]{4}\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"^\s*[a-z0-9]{5}[\s-]*[a-z0-9]{5}\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretPattern();
}

public sealed record DataRequestState(DataRequestKind Kind, DataRequestStep Step, string? Reference);

public enum DataRequestKind
{
    Export,
    Erase,
}

public enum DataRequestStep
{
    Reference,
    Confirm,
    Secret,
}

/// <summary>Check the reference and secret, then show or erase the data; redact the message that held the secret.</summary>
public sealed record DataRequestEffect(DataRequestKind Kind, string Reference, string Secret, string? SecretActivityId) : CvDialogEffect;
