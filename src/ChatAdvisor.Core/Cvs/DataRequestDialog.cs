using System.Text.RegularExpressions;

namespace ChatAdvisor.Cvs;

/// <summary>
/// "What do you hold about me?" and "delete my data": asks for the reference and the secret given at submission,
/// confirming first for erasure. Pure: checking and erasing are effects the host carries out. The secret is never
/// kept in the state.
/// </summary>
public static partial class DataRequestDialog
{
    public static CvDialogResult<DataRequestState> Start(DataRequestKind kind) =>
        new(new DataRequestState(kind, DataRequestStep.Reference, null), [new(kind == DataRequestKind.Export ? Text.StartExport : Text.StartErase, ["Cancel"])], []);

    public static CvDialogResult<DataRequestState> Next(DataRequestState state, string text, string? activityId)
    {
        var input = text.Trim();
        if (input.Equals("cancel", StringComparison.OrdinalIgnoreCase) || input.Equals("no, keep it", StringComparison.OrdinalIgnoreCase))
        {
            return new(null, [new(Text.Stopped, [])], []);
        }
        switch (state.Step)
        {
            case DataRequestStep.Reference when ReferencePattern().IsMatch(input):
                var reference = CvSubmissions.CanonicalReference(input);
                return state.Kind == DataRequestKind.Erase
                    ? new(state with { Step = DataRequestStep.Confirm, Reference = reference }, [new(Text.ConfirmErase, [Text.YesErase, "No, keep it"])], [])
                    : new(state with { Step = DataRequestStep.Secret, Reference = reference }, [new(Text.AskSecret, ["Cancel"])], []);
            case DataRequestStep.Reference:
                return new(state, [new(Text.NotAReference, ["Cancel"])], []);
            case DataRequestStep.Confirm when input.Equals(Text.YesErase, StringComparison.OrdinalIgnoreCase) || input.Equals("yes", StringComparison.OrdinalIgnoreCase):
                return new(state with { Step = DataRequestStep.Secret }, [new(Text.AskSecret, ["Cancel"])], []);
            case DataRequestStep.Confirm:
                return new(state, [new(Text.ConfirmErase, [Text.YesErase, "No, keep it"])], []);
            case DataRequestStep.Secret when SecretPattern().IsMatch(input):
                return new(null, [], [new DataRequestEffect(state.Kind, state.Reference!, input, activityId)]);
            default:
                return new(state, [new(Text.NotASecret, ["Cancel"])], []);
        }
    }

    [GeneratedRegex(@"^\s*cv[\s-]*[a-z0-9]{4}[\s-]*[a-z0-9]{4}\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"^\s*[a-z0-9]{5}[\s-]*[a-z0-9]{5}\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretPattern();

    internal static class Text
    {
        public const string StartExport = "I can show you what we hold from an application you sent through this chat. Please type the reference number you were given (it looks like CV-XXXX-XXXX).";
        public const string StartErase = "I can delete an application you sent through this chat: the record, the CV file and your answers in the conversation. Please type the reference number you were given (it looks like CV-XXXX-XXXX).";
        public const string NotAReference = "That doesn't look like a reference number. It looks like CV-XXXX-XXXX. Type 'cancel' to stop.";
        public const string ConfirmErase = "This permanently deletes your application, your CV file and your answers in the chat. We only keep a note that you asked, without your personal details. Shall I go ahead?";
        public const string YesErase = "Yes, delete everything";
        public const string AskSecret = "Now please type the secret code you were given with it (it looks like XXXXX-XXXXX). I'll remove it from this conversation straight after checking.";
        public const string NotASecret = "That doesn't look like the secret code (XXXXX-XXXXX). Type 'cancel' to stop.";
        public const string Stopped = "All right, I've stopped. Nothing was changed.";
    }
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
