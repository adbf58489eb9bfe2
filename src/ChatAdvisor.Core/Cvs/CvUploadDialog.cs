using System.Net.Mail;
using System.Text.RegularExpressions;

namespace ChatAdvisor.Cvs;

/// <summary>
/// The CV-upload dialog as a pure state machine: consent, optional talent-pool opt-in, name, email, roles,
/// optional location and notice period, the file, a summary to confirm or correct. "cancel", "start over" and
/// "back" work at every step; a question in the middle is answered and the same step asked again. No I/O here:
/// the host inspects and stores files, answers questions and stores the application (see the effects).
/// </summary>
public sealed partial class CvUploadDialog(PrivacyNotice notice, long maxFileBytes, CvText? words = null)
{
    private const int MaxFreeText = 200;

    private readonly CvText _words = words ?? CvText.English;

    public PrivacyNotice Notice => notice;

    public CvDialogResult<CvDialogState> Start(DateTimeOffset now)
    {
        var state = new CvDialogState { StartedAt = now, LastActivityAt = now };
        return new(state, [Prompt(state.Step)], []);
    }

    public CvDialogResult<CvDialogState> Next(CvDialogState state, CvDialogInput input)
    {
        state = state with { LastActivityAt = input.Now };
        var text = input.Text?.Trim() ?? "";
        var command = text.ToLowerInvariant().TrimEnd('.', '!');
        if (CancelPattern().IsMatch(command) || _words.IsCancel(text))
        {
            return Cancel(state);
        }
        if (StartOverPattern().IsMatch(command) || _words.IsStartOver(text))
        {
            var fresh = new CvDialogState { StartedAt = input.Now, LastActivityAt = input.Now };
            return new(fresh, [new(_words["cv-start-over"], []), Prompt(fresh.Step)], Discard(state.File));
        }
        if (command is "back" or "go back" or "previous" || _words.IsBack(text))
        {
            return Back(state);
        }
        return state.Step switch
        {
            CvDialogStep.Consent => Choose(state, text, _words.Consent, (s, c) => c.Value == _words.Agree.Value
                ? Advance(s with { ConsentedAt = input.Now, NoticeVersion = notice.Version, NoticeLanguage = notice.Language }, CvDialogStep.TalentPool)
                : new(null, [new(_words["cv-declined"], [])], [])),
            CvDialogStep.TalentPool => Choose(state, text, _words.TalentPool,
                (s, c) => Advance(s with { TalentPool = c.Value == _words.PoolYes.Value }, CvDialogStep.Name)),
            CvDialogStep.Name => FreeText(state, text, input, IsName, _words["cv-name-invalid"], (s, v) => Advance(s with { Name = v }, CvDialogStep.Email)),
            CvDialogStep.Email => FreeText(state, text, input, IsEmail, _words["cv-email-invalid"], (s, v) => Advance(s with { Email = v }, CvDialogStep.Roles)),
            CvDialogStep.Roles => OnRoles(state, text, input),
            CvDialogStep.Location => Optional(state, text, input, _words.Location, (s, v) => Advance(s with { Location = v }, CvDialogStep.NoticePeriod)),
            CvDialogStep.NoticePeriod => Optional(state, text, input, _words.NoticePeriods, (s, v) => Advance(s with { NoticePeriod = v }, CvDialogStep.File)),
            CvDialogStep.File => OnFile(state, text, input),
            CvDialogStep.Summary => OnSummary(state, text),
            CvDialogStep.ChooseCorrection => OnCorrection(state, text),
            _ => throw new InvalidOperationException($"Unknown step {state.Step}."),
        };
    }

    /// <summary>True when the state has been idle for longer than <paramref name="timeout"/>.</summary>
    public static bool IsExpired(CvDialogState state, DateTimeOffset now, TimeSpan timeout) => now - state.LastActivityAt > timeout;

    /// <summary>What to do with a dialog found expired: delete its file and say so.</summary>
    public static CvDialogResult<CvDialogState> Expire(CvDialogState state, CvText? words = null) =>
        new(null, [new((words ?? CvText.English)["cv-expired"], [])], Discard(state.File));

    public CvDialogMessage Prompt(CvDialogStep step) => step switch
    {
        CvDialogStep.Consent => new(_words.ConsentPrompt(notice), Titles(_words.Consent)),
        CvDialogStep.TalentPool => new(_words["cv-talent-pool"], Titles(_words.TalentPool)),
        CvDialogStep.Name => new(_words["cv-name"], []),
        CvDialogStep.Email => new(_words["cv-email"], []),
        CvDialogStep.Roles => new(_words["cv-roles"], Titles(_words.Roles)),
        CvDialogStep.Location => new(_words["cv-location"], Titles(_words.Location)),
        CvDialogStep.NoticePeriod => new(_words["cv-notice-period"], Titles(_words.NoticePeriods)),
        CvDialogStep.File => new(_words.FilePrompt(maxFileBytes), [_words.Cancel.Title], WantsFile: true),
        CvDialogStep.ChooseCorrection => new(_words["cv-what-to-change"], Titles(_words.Corrections)),
        _ => throw new InvalidOperationException($"Step {step} has no prompt."),
    };

    private CvDialogResult<CvDialogState> Advance(CvDialogState state, CvDialogStep next)
    {
        var target = state.ReturnToSummary ? CvDialogStep.Summary : next;
        var moved = state with { Step = target, History = [.. state.History, state.Step], ReturnToSummary = false };
        return new(moved, [target == CvDialogStep.Summary ? SummaryMessage(moved) : Prompt(target)], []);
    }

    private CvDialogResult<CvDialogState> Back(CvDialogState state)
    {
        if (state.History.Count == 0)
        {
            return new(state, [new(_words["cv-nothing-to-go-back-to"], []), Prompt(state.Step)], []);
        }
        var previous = state with { Step = state.History[^1], History = [.. state.History.Take(state.History.Count - 1)], ReturnToSummary = false };
        return new(previous, [previous.Step == CvDialogStep.Summary ? SummaryMessage(previous) : Prompt(previous.Step)], []);
    }

    /// <summary>A step that takes only one of its options; anything else is asked again with the options numbered.</summary>
    private CvDialogResult<CvDialogState> Choose(CvDialogState state, string text, IReadOnlyList<Choice> choices,
        Func<CvDialogState, Choice, CvDialogResult<CvDialogState>> chosen) =>
        !IsQuestion(text) && ChoiceRecognizer.Recognize(choices, text) is { } choice && !_words.Denies(choice, text)
            ? chosen(state, choice)
            : Reprompt(state, text, _words.ChooseOption(choices));

    /// <summary>One of the roles offered, or the visitor's own words; a reply that could be two roles is asked again.</summary>
    private CvDialogResult<CvDialogState> OnRoles(CvDialogState state, string text, CvDialogInput input)
    {
        var candidates = IsQuestion(text) ? [] : ChoiceRecognizer.Candidates(_words.Roles, text);
        if (candidates.Count > 1)
        {
            return Reprompt(state, text, _words.ChooseOption(_words.Roles));
        }
        var roles = candidates is [var role] ? role.Value == _words.Both.Value ? "MLOps Engineer, Machine Learning Engineer" : role.Value : text;
        return FreeText(state, roles, input, v => v.Length <= MaxFreeText, _words["cv-roles-invalid"], (s, v) => Advance(s with { Roles = v }, CvDialogStep.Location));
    }

    private CvDialogResult<CvDialogState> FreeText(CvDialogState state, string text, CvDialogInput input, Func<string, bool> isValid, string invalid,
        Func<CvDialogState, string, CvDialogResult<CvDialogState>> accept)
    {
        if (text.Length > 0 && isValid(text) && !IsQuestion(text))
        {
            return accept(Remember(state, input), Collapse(text));
        }
        return Reprompt(state, text, invalid);
    }

    /// <summary>An optional answer: skipped, one of the options offered, or the visitor's own words.</summary>
    private CvDialogResult<CvDialogState> Optional(CvDialogState state, string text, CvDialogInput input, IReadOnlyList<Choice> choices,
        Func<CvDialogState, string?, CvDialogResult<CvDialogState>> accept)
    {
        var candidates = IsQuestion(text) ? [] : ChoiceRecognizer.Candidates(choices, text);
        if (candidates is [var choice])
        {
            return choice.Value == _words.Skip.Value ? accept(state, null) : accept(Remember(state, input), choice.Value);
        }
        if (candidates.Count > 1)
        {
            return Reprompt(state, text, _words.ChooseOption(choices));
        }
        if (text.Length > MaxFreeText)
        {
            return new(state, [new(_words["cv-free-text-too-long"], []), Prompt(state.Step)], []);
        }
        return text.Length > 0 && !IsQuestion(text) ? accept(Remember(state, input), Collapse(text)) : Reprompt(state, text, _words.ChooseOption(choices));
    }

    private CvDialogResult<CvDialogState> OnFile(CvDialogState state, string text, CvDialogInput input)
    {
        if (input.File is { } file)
        {
            var replaced = state.File is { } old && old.StorageKey != file.StorageKey ? Discard(old) : [];
            var next = Advance(Remember(state, input) with { File = file }, CvDialogStep.Summary);
            return next with { Messages = [new(_words.FileReceived(file), []), .. next.Messages], Effects = replaced };
        }
        if (input.RejectedFileProblem is { } problem)
        {
            return new(state, [new(_words.Translate(problem), []), Prompt(CvDialogStep.File)], []);
        }
        return Reprompt(state, text, _words["cv-file-needed"]);
    }

    private CvDialogResult<CvDialogState> OnSummary(CvDialogState state, string text) => Choose(state, text, _words.Summary, (s, c) =>
    {
        if (c.Value == _words.Confirm.Value)
        {
            return new(null, [], [new SubmitEffect(s)]);
        }
        if (c.Value == _words.Cancel.Value)
        {
            return Cancel(s);
        }
        var choosing = s with { Step = CvDialogStep.ChooseCorrection, History = [.. s.History, s.Step] };
        return new(choosing, [Prompt(choosing.Step)], []);
    });

    private CvDialogResult<CvDialogState> OnCorrection(CvDialogState state, string text) => Choose(state, text, _words.Corrections, (s, c) =>
    {
        var correcting = s with { Step = Enum.Parse<CvDialogStep>(c.Value), ReturnToSummary = true, History = [.. s.History, s.Step] };
        return new(correcting, [Prompt(correcting.Step)], []);
    });

    /// <summary>A question in the middle is answered from the guides, then the same step is asked again.</summary>
    private CvDialogResult<CvDialogState> Reprompt(CvDialogState state, string text, string otherwise) =>
        IsQuestion(text)
            ? new(state, [state.Step == CvDialogStep.Summary ? SummaryMessage(state) : Prompt(state.Step)], [new AnswerQuestionEffect(text)])
            : new(state, [new(otherwise, []), state.Step == CvDialogStep.Summary ? SummaryMessage(state) : Prompt(state.Step)], []);

    private CvDialogMessage SummaryMessage(CvDialogState state) => new(_words.SummaryOf(state), Titles(_words.Summary));

    private CvDialogResult<CvDialogState> Cancel(CvDialogState state) => new(null, [new(_words["cv-cancelled"], [])], Discard(state.File));

    private static string[] Titles(IReadOnlyList<Choice> choices) => [.. choices.Select(c => c.Title)];

    private static CvDialogState Remember(CvDialogState state, CvDialogInput input) =>
        input.ActivityId is { } id ? state with { AnswerActivityIds = [.. state.AnswerActivityIds, id] } : state;

    private static CvDialogEffect[] Discard(CvFileRef? file) => file is null ? [] : [new DiscardFileEffect(file.StorageKey)];

    private static string Collapse(string text) => WhitespacePattern().Replace(text, " ");

    /// <summary>Ends with a question mark, or starts like a question (in English or the dialog's language) and is 4 words or more.</summary>
    private bool IsQuestion(string text) =>
        text.EndsWith('?')
        || ((QuestionStartPattern().IsMatch(text) || _words.StartsLikeQuestion(text)) && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4);

    private static bool IsName(string text) =>
        text.Length is >= 2 and <= 100 && text.Any(char.IsLetter) && !text.Contains('@', StringComparison.Ordinal)
        && !text.Contains("://", StringComparison.Ordinal) && !text.Any(char.IsDigit);

    private static bool IsEmail(string text) =>
        text.Length <= 254 && EmailPattern().IsMatch(text) && MailAddress.TryCreate(text, out var address) && address.Address == text;

    [GeneratedRegex(@"^(cancel|stop|quit|exit|cancel (it|my application|application)|never ?mind)$")]
    private static partial Regex CancelPattern();

    [GeneratedRegex(@"^(start over|start again|restart|begin again)$")]
    private static partial Regex StartOverPattern();

    [GeneratedRegex(@"^(what|how|which|why|when|where|who|is|are|do|does|can|could|should|will|would|tell me)\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionStartPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}
