using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ChatAdvisor.Cvs;

/// <summary>The English that <see cref="ChoiceRecognizer"/> reads in a reply: yes, no, skip, an option's position, filler.</summary>
internal static partial class ChoiceReply
{
    private static readonly string[] s_numberWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    private static readonly string[] s_ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    /// <summary>Words that carry no choice by themselves ("I'll go with the phone one").</summary>
    private static readonly HashSet<string> s_filler =
    [
        "a", "an", "the", "i", "ill", "id", "im", "ive", "me", "my", "mine", "it", "its", "this", "that", "these", "those",
        "one", "ones", "please", "pls", "plz", "with", "go", "going", "for", "to", "of", "on", "in", "at", "and", "or", "is",
        "be", "would", "will", "like", "want", "wanna", "take", "choose", "pick", "option", "thanks", "thank", "you", "think",
        "lets", "let", "us", "we", "can", "do", "then", "about", "actually", "maybe", "so", "well", "hmm", "um", "uh",
    ];

    /// <summary>Answer words: they pick an option through its meaning, never as one of its words.</summary>
    private static readonly HashSet<string> s_answers = ["yes", "yeah", "yep", "yup", "no", "nope", "nah", "ok", "okay", "sure"];

    private static readonly HashSet<string> s_negations = ["no", "not", "dont", "doesnt", "never", "nope", "nah", "without", "neither", "nor", "cant", "wont", "wouldnt"];

    /// <summary>
    /// Lower case without accents, apostrophes or punctuation; "e-mail" becomes "email" and "two" becomes "2", so
    /// "Two months, please!" and "2 months please" read the same.
    /// </summary>
    public static string Normalize(string text)
    {
        var joined = WordHyphen().Replace(text.ToLowerInvariant(), "").Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(joined.Length);
        foreach (var c in joined)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && c is not ('\'' or '’' or '‘'))
            {
                plain.Append(char.IsLetterOrDigit(c) ? c : ' ');
            }
        }
        var words = plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Array.IndexOf(s_numberWords, w) is var n and > 1 ? n.ToString(CultureInfo.InvariantCulture) : w);
        return string.Join(' ', words);
    }

    public static bool IsFiller(string word) => s_filler.Contains(word);

    public static bool IsAnswer(string word) => s_answers.Contains(word);

    public static bool IsNegation(string word) => s_negations.Contains(word);

    /// <summary>
    /// The zero-based option a reply names by position ("2", "option 2", "the second one", "the last one"), or null.
    /// A bare number counts only when no option has a number in its title: among "1 month" and "3 months", "1" means "1 month".
    /// </summary>
    public static int? Position(string reply, int count, bool bareNumbers)
    {
        int? position = null;
        if (NumberPattern().Match(reply) is { Success: true } number && (bareNumbers || number.Groups["word"].Success))
        {
            position = number.Groups["n"].Value == "one" ? 0 : int.Parse(number.Groups["n"].Value, CultureInfo.InvariantCulture) - 1;
        }
        else if (OrdinalPattern().Match(reply) is { Success: true } ordinal)
        {
            var word = ordinal.Groups["o"].Value;
            position = word == "last" ? count - 1
                : char.IsDigit(word[0]) ? int.Parse(word[..^2], CultureInfo.InvariantCulture) - 1
                : Array.IndexOf(s_ordinals, word);
        }
        return position is { } p && p >= 0 && p < count ? p : null;
    }

    /// <summary>Only a plain, whole yes gives consent: "yes", "yes please", "ok", "sure", "I agree"; never "I guess" or "fine".</summary>
    public static bool IsClearYes(string reply) => ClearYesPattern().IsMatch(reply);

    /// <summary>What a reply means as an answer: yes ("yeah, why not"), no ("no thanks", "not now"), skip ("I'd rather not"), or nothing.</summary>
    public static ChoiceMeaning MeaningOf(string reply)
    {
        if (YesPattern().Match(reply) is { Success: true } yes
            && !YesIdiom().Replace(reply[yes.Length..], "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => IsNegation(w) || w is "but" or "however" or "although"))
        {
            return ChoiceMeaning.Yes;
        }
        return SkipPattern().IsMatch(reply) ? ChoiceMeaning.Skip : NoPattern().IsMatch(reply) ? ChoiceMeaning.No : ChoiceMeaning.None;
    }

    [GeneratedRegex(@"(?<=\p{L})-(?=\p{L})")]
    private static partial Regex WordHyphen();

    [GeneratedRegex(@"^(?:(?:i think|i choose|i pick|ill take|ill go with|i will go with|lets go with|go with|take|choose|pick|select) )?(?:the )?(?<word>(?:option|number|choice|nr) )?(?<n>\d{1,2}|one)(?: (?:one|option|please|thanks))*$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(?:(?:i think|i choose|i pick|ill take|ill go with|i will go with|lets go with|go with|take|choose|pick|select) )?(?:the )?(?<o>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|1st|2nd|3rd|[4-9]th)(?: (?:one|option|choice|please|thanks))*$")]
    private static partial Regex OrdinalPattern();

    [GeneratedRegex(@"^(?:(?:yes|yeah|yep|yup|ok|okay|sure|of course|absolutely|certainly)(?: (?:please|sure|ok|okay))?(?: i (?:do )?(?:agree|consent))?|i (?:do )?(?:agree|consent)|agreed)(?: to (?:it|this|that|the (?:privacy )?notice|the terms))?$")]
    private static partial Regex ClearYesPattern();

    [GeneratedRegex(@"^(?:yes|yeah|yea|yep|yup|ya|yah|aye|sure|ok|okay|of course|absolutely|definitely|certainly|please do|go ahead|sounds good|why not|alright|all right|fine|agreed|i agree|i do|i would|id like that|id love that|i would like that|that would be great|great|perfect|no problem|no worries|gladly|happy to|lets do it)\b")]
    private static partial Regex YesPattern();

    [GeneratedRegex(@"\b(?:why not|no problem|no worries)\b")]
    private static partial Regex YesIdiom();

    [GeneratedRegex(@"^(?:no|nope|nah|naw|never|not (?:now|really|interested|at the moment|at this time|this time|today|for me|for now|yet|right now)|dont (?:want|keep|add|bother|think)|i dont (?:want|think so|agree|consent)|i do not (?:want|think so|agree|consent)|i disagree|disagree|ill pass|i will pass|im good|thanks but no|i decline|decline|absolutely not|definitely not|of course not|no way)\b")]
    private static partial Regex NoPattern();

    [GeneratedRegex(@"^(?:(?:(?:i|id|i would|can we|can i|lets|please|ill|i will|i want to|i wanna|id like to|i would like to) )?(?:skip|pass)(?: (?:it|this|that|one|question|step|for now|please|thanks|thank you|for me))*|(?:(?:i|id|i would) )?(?:rather not|prefer not)(?: to)?(?: (?:say|answer|tell|share|give it|disclose|tell you))?(?: (?:it|that|please|thanks|thank you))*|none|n a|no comment|nothing|not applicable|leave it (?:blank|empty|out))$")]
    private static partial Regex SkipPattern();
}
