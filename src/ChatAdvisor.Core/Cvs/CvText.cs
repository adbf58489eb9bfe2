using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ChatAdvisor.Languages;

namespace ChatAdvisor.Cvs;

/// <summary>
/// The CV-upload and data-request dialogs in one language: their prompts, buttons, refusals, and the words that pick
/// an option or give a command (<see cref="CvWords"/>). Options keep language-neutral values; a translated option
/// is also picked by its English words, so "I agree" and "cancel" work in every language.
/// </summary>
public sealed partial class CvText
{
    private static readonly ConditionalWeakTable<MessageSet, CvText> s_byMessages = [];

    private static readonly Lazy<IReadOnlyList<(string Key, Regex Pattern, string[] Names)>> s_englishTemplates = new(() =>
        [.. CvWords.English.Where(w => !w.Key.EndsWith("-words", StringComparison.Ordinal) && w.Value.Length > 0)
            .Select(w => (w.Key, TemplatePattern(w.Value), Placeholder().Matches(w.Value).Select(m => m.Groups[1].Value).ToArray()))]);

    private readonly MessageSet _messages;
    private readonly HashSet<string> _cancel;
    private readonly HashSet<string> _back;
    private readonly HashSet<string> _startOver;
    private readonly HashSet<string> _questionStarts;
    private readonly HashSet<string> _negations;
    private readonly HashSet<string> _clearYes;
    private readonly string[] _link;
    private readonly string[] _exportRequests;
    private readonly string[] _applyRequests;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> _phrases = new(StringComparer.Ordinal);
    private readonly string[] _jobRequests;
    private readonly string[] _eraseRequests;

    private CvText(MessageSet messages)
    {
        _messages = messages;
        Agree = Localized(new("agree", "I agree", ChoiceMeaning.Yes, Explicit: true)
        {
            Synonyms = ["yes i agree", "i consent", "yes i consent", "i do agree"],
        }, "cv-agree");
        Decline = Localized(new("decline", "No, thanks", ChoiceMeaning.No)
        {
            Synonyms = ["i do not agree", "i dont agree", "i disagree", "i do not consent", "i dont consent"],
        }, "cv-decline");
        PoolYes = Localized(new("yes", "Yes, keep me in mind", ChoiceMeaning.Yes)
        {
            Synonyms = ["keep me in mind", "talent pool", "future roles", "keep my details", "sign me up", "add me"],
        }, "cv-pool-yes");
        PoolNo = Localized(new("no", "No, just this application", ChoiceMeaning.No)
        {
            Synonyms = ["just this application", "this application only", "only this application", "just this one", "only this one", "just this job"],
        }, "cv-pool-no");
        Both = Localized(new("Both", "Both")
        {
            Synonyms = ["both of them", "both roles", "either", "either one", "all of them", "any of them", "mlops and machine learning", "mlops and ml"],
        }, "cv-both");
        Skip = Localized(new("skip", "Skip", ChoiceMeaning.Skip), "cv-skip");
        Confirm = Localized(new("confirm", "Confirm and send", ChoiceMeaning.Yes)
        {
            Synonyms = ["send", "send it", "submit", "submit it", "looks good", "all good", "thats correct", "thats right", "all correct"],
        }, "cv-confirm");
        Change = Localized(new("change", "Change something")
        {
            Synonyms = ["edit", "fix", "update", "correct something", "something is wrong", "something else"],
        }, "cv-change");
        Cancel = Localized(new("cancel", "Cancel") { Synonyms = ["cancel it", "cancel my application"] }, "cv-cancel");
        Consent = [Agree, Decline];
        TalentPool = [PoolYes, PoolNo];
        Roles =
        [
            new("MLOps Engineer", "MLOps Engineer") { Synonyms = ["mlops", "ml ops", "machine learning operations"] },
            new("Machine Learning Engineer", "Machine Learning Engineer") { Synonyms = ["ml engineer", "machine learning", "ml engineering"] },
            Both,
        ];
        Location = [Skip];
        NoticePeriods =
        [
            Localized(new("Available now", "Available now") { Synonyms = ["now", "immediately", "right away", "straight away", "asap", "as soon as possible"] }, "cv-available-now"),
            Localized(new("1 month", "1 month") { Synonyms = ["one month", "a month", "4 weeks"] }, "cv-one-month"),
            Localized(new("3 months", "3 months") { Synonyms = ["12 weeks", "a quarter"] }, "cv-three-months"),
            Skip,
        ];
        Summary = [Confirm, Change, Cancel];
        Corrections =
        [
            Localized(new(nameof(CvDialogStep.Name), "Name") { Synonyms = ["my name", "full name"] }, "cv-field-name"),
            Localized(new(nameof(CvDialogStep.Email), "Email") { Synonyms = ["email address", "mail", "address"] }, "cv-field-email"),
            Localized(new(nameof(CvDialogStep.Roles), "Roles") { Synonyms = ["role", "job", "position"] }, "cv-field-roles"),
            Localized(new(nameof(CvDialogStep.Location), "Location") { Synonyms = ["where i live", "where im based", "city", "place"] }, "cv-field-location"),
            Localized(new(nameof(CvDialogStep.NoticePeriod), "Notice period") { Synonyms = ["notice", "start date", "availability", "when i can start"] }, "cv-field-notice"),
            Localized(new(nameof(CvDialogStep.File), "CV file") { Synonyms = ["cv", "resume", "file", "document", "attachment"] }, "cv-field-file"),
        ];
        _cancel = [.. Phrases("command-cancel-words"), ChoiceReply.Normalize(Cancel.Title)];
        _back = [.. Phrases("command-back-words")];
        _startOver = [.. Phrases("command-start-over-words")];
        _questionStarts = [.. Phrases("question-start-words")];
        _negations = [.. Phrases("answer-negation-words")];
        _clearYes = [.. Phrases("answer-clear-yes-words")];
        _link = Phrases("command-link-words");
        _eraseRequests = Phrases("request-erase-words");
        _exportRequests = Phrases("request-export-words");
        _applyRequests = Phrases("request-apply-words");
        _jobRequests = Phrases("request-jobs-words");
    }

    public static CvText English { get; } = For(MessageSet.English);

    /// <summary>The dialogs' words in the language of <paramref name="messages"/> (English where it has no translation).</summary>
    public static CvText For(MessageSet messages) => s_byMessages.GetValue(messages, m => new CvText(m));

    public string Language => _messages.Language;

    public Choice Agree { get; }
    public Choice Decline { get; }
    public Choice PoolYes { get; }
    public Choice PoolNo { get; }
    public Choice Both { get; }
    public Choice Skip { get; }
    public Choice Confirm { get; }
    public Choice Change { get; }
    public Choice Cancel { get; }
    public IReadOnlyList<Choice> Consent { get; }
    public IReadOnlyList<Choice> TalentPool { get; }
    public IReadOnlyList<Choice> Roles { get; }
    public IReadOnlyList<Choice> Location { get; }
    public IReadOnlyList<Choice> NoticePeriods { get; }
    public IReadOnlyList<Choice> Summary { get; }

    /// <summary>Values name the step to go back to.</summary>
    public IReadOnlyList<Choice> Corrections { get; }

    public string this[string key] => _messages.Get(key);

    public string Get(string key, params (string Name, string Value)[] values) => _messages.Get(key, values);

    /// <summary>A normalised reply that is one of this language's commands (English commands are matched by the dialog).</summary>
    public bool IsCancel(string reply) => _cancel.Contains(ChoiceReply.Normalize(reply));

    public bool IsBack(string reply) => _back.Contains(ChoiceReply.Normalize(reply));

    public bool IsStartOver(string reply) => _startOver.Contains(ChoiceReply.Normalize(reply));

    /// <summary>The reply asks for the upload page instead of attaching a file, in this language's words.</summary>
    public bool AsksForLink(string reply) => Contains(reply, _link);

    /// <summary>The reply asks to see one's data in this language's words (English requests are recognised by the host).</summary>
    public bool AsksForExport(string reply) => Contains(reply, _exportRequests);

    /// <summary>The message says, in this language's words, that the visitor wants to apply or send a CV.</summary>
    public bool AsksToApply(string message) => Contains(message, _applyRequests);

    /// <summary>The message asks, in this language's words, for job openings.</summary>
    public bool AsksForJobs(string message) => Contains(message, _jobRequests);

    /// <summary>The message contains one of the phrases of <paramref name="key"/> (a <c>*-words</c> message: '|' between phrases, '*' for a gap).</summary>
    public bool Says(string message, string key) => Contains(message, _phrases.GetOrAdd(key, Phrases));

    /// <summary>The reply asks to delete one's data in this language's words.</summary>
    public bool AsksForErasure(string reply) => Contains(reply, _eraseRequests);

    private static bool Contains(string reply, string[] phrases)
    {
        var normalized = " " + ChoiceReply.Normalize(reply) + " ";
        return phrases.Any(phrase => phrase.Contains(Gap, StringComparison.Ordinal)
            ? Regex.IsMatch(normalized, " " + string.Join(@"(?: \S+){0,8} ", phrase.Split(Gap).Select(Regex.Escape)) + " ", RegexOptions.None, TimeSpan.FromSeconds(1))
            : normalized.Contains(" " + phrase + " ", StringComparison.Ordinal));
    }

    /// <summary>
    /// The reply picks <paramref name="choice"/> only through a word of this language that denies it: "nicht in den
    /// Talentpool" is no yes. (The recognizer reads English negations itself; an option's own phrase always counts.)
    /// </summary>
    public bool Denies(Choice choice, string reply)
    {
        if (choice.Meaning != ChoiceMeaning.Yes || _negations.Count == 0)
        {
            return false;
        }
        var normalized = ChoiceReply.Normalize(reply);
        return !ChoiceRecognizer.IsOwnPhrase(choice, normalized) && normalized.Split(' ').Any(_negations.Contains);
    }

    /// <summary>The reply is one of this language's unambiguous yeses (as consent needs them).</summary>
    public bool IsClearYes(string reply) => _clearYes.Contains(ChoiceReply.Normalize(reply));

    /// <summary>The reply starts like a question in this language ("Was", "Combien", "Hoeveel").</summary>
    public bool StartsLikeQuestion(string reply) =>
        ChoiceReply.Normalize(reply).Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) is [var first, ..] && _questionStarts.Contains(first);

    public string ConsentPrompt(PrivacyNotice notice) =>
        Get("cv-consent", ("version", notice.Version), ("summary", notice.Summary), ("url", notice.Url));

    public string FilePrompt(long maxBytes) => Get("cv-file", ("size", CvProblems.Size(maxBytes)));

    public string ChooseOption(IReadOnlyList<Choice> choices) =>
        Get("cv-choose-option", ("options", string.Join("\n", choices.Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {c.Title}")))));

    public string SummaryOf(CvDialogState s) => Get("cv-summary",
        ("name", s.Name ?? ""), ("email", s.Email ?? ""), ("roles", s.Roles ?? ""),
        ("location", s.Location ?? this["cv-not-given"]), ("notice", NoticePeriodTitle(s.NoticePeriod) ?? this["cv-not-given"]),
        ("file", s.File?.FileName ?? ""), ("size", CvProblems.Size(s.File?.Size ?? 0)),
        ("pool", s.TalentPool ? this["cv-summary-pool-yes"] : this["cv-summary-pool-no"]));

    public string FileReceived(CvFileRef file) => Get("cv-file-received", ("file", file.FileName), ("size", CvProblems.Size(file.Size)));

    public string Submitted(string name, string reference, string secret) =>
        Get("cv-submitted", ("name", name), ("reference", reference), ("secret", secret));

    public string UploadLink(string url, TimeSpan lifetime) =>
        Get("cv-upload-link", ("url", url), ("minutes", lifetime.TotalMinutes.ToString("0", CultureInfo.InvariantCulture)));

    public string Export(CvSubmission s) => Get("data-export",
        ("reference", s.Reference), ("name", s.Name), ("email", s.Email), ("roles", s.Roles),
        ("location", s.Location ?? this["cv-not-given"]), ("notice", NoticePeriodTitle(s.NoticePeriod) ?? this["cv-not-given"]),
        ("file", s.FileName), ("type", s.FileType), ("bytes", s.FileSize.ToString("N0", CultureInfo.GetCultureInfo(Language))),
        ("pool", s.TalentPool ? this["data-yes"] : this["data-no"]),
        ("version", s.NoticeVersion), ("language", s.NoticeLanguage),
        ("consented", s.ConsentedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
        ("sent", s.SubmittedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
        ("channel", s.ChannelId));

    /// <summary>
    /// One of the dialogs' English sentences (such as why a file was refused, which file inspection words in
    /// English) in this language, with its figures carried over; any other text is returned as it is.
    /// </summary>
    public string Translate(string english)
    {
        if (Language == "en")
        {
            return english;
        }
        foreach (var (key, pattern, names) in s_englishTemplates.Value)
        {
            if (pattern.Match(english) is { Success: true } match)
            {
                return Get(key, [.. names.Select((name, i) => (name, match.Groups[i + 1].Value))]);
            }
        }
        return english;
    }

    private string? NoticePeriodTitle(string? value) => value is null ? null : NoticePeriods.FirstOrDefault(c => c.Value == value)?.Title ?? value;

    /// <summary>
    /// An option with this language's button text; its words are the English ones, the English title, this
    /// language's own (<c>-words</c>) and, for options that mean yes, no or skip, this language's words for that.
    /// </summary>
    private Choice Localized(Choice english, string key)
    {
        var title = this[key];
        if (Language == "en")
        {
            return english with { Title = title };
        }
        var meaning = english.Meaning switch
        {
            ChoiceMeaning.Yes => Phrases(english.Explicit ? "answer-clear-yes-words" : "answer-yes-words"),
            ChoiceMeaning.No => Phrases("answer-no-words"),
            ChoiceMeaning.Skip => Phrases("answer-skip-words"),
            _ => [],
        };
        return english with
        {
            Title = title,
            Synonyms = [.. english.Synonyms, english.Title, .. Phrases(key + "-words"), .. meaning],
        };
    }

    /// <summary>A list's phrases, normalised; a <c>*</c> in a phrase stands for up to eight words ("ich möchte mich * bewerben").</summary>
    private string[] Phrases(string key) => !MessageKeys.English.ContainsKey(key) ? [] :
        [.. this[key].Split('|')
            .Select(p => string.Join(Gap, p.Split('*').Select(ChoiceReply.Normalize).Where(part => part.Length > 0)))
            .Where(p => p.Length > 0).Distinct()];

    private const string Gap = "\u0001";

    private static Regex TemplatePattern(string template)
    {
        var parts = Placeholder().Split(template);
        // Split keeps the captured names at odd positions: literal, name, literal, ...
        var pattern = string.Concat(parts.Select((part, i) => i % 2 == 0 ? Regex.Escape(part) : "(.+?)"));
        return new Regex("^" + pattern + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"\{([a-z]+)\}")]
    private static partial Regex Placeholder();
}
