using System.Globalization;
using ChatAdvisor.Review;

namespace ChatAdvisor.Web.Portal.Pages.Conversations;

/// <summary>The filter form of the conversation list, bound from the query string (and the export form's hidden copies).</summary>
public sealed class ConversationFilter
{
    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public string? Channel { get; set; }

    public string? Language { get; set; }

    public bool? HasCv { get; set; }

    public bool? Unanswered { get; set; }

    public bool? LowConfidence { get; set; }

    public FeedbackFilter Feedback { get; set; } = FeedbackFilter.Any;

    public string? Role { get; set; }

    public string? Text { get; set; }

    /// <summary>Whether conversations in which the visitor wrote nothing are listed too; by default they are not.</summary>
    public bool ShowEmpty { get; set; }

    public ConversationQuery ToQuery(int page) => new()
    {
        From = From,
        To = To,
        Channel = Blank(Channel),
        Language = Blank(Language),
        HasCv = HasCv,
        Unanswered = Unanswered,
        LowConfidence = LowConfidence,
        Feedback = Feedback,
        HasVisitorMessage = ShowEmpty ? null : true,
        Role = Blank(Role),
        Text = Blank(Text),
        Page = page,
        PageSize = ConversationQuery.DefaultPageSize,
    };

    /// <summary>The filters that are set, as <c>Filter.*</c> query values.</summary>
    public Dictionary<string, string> ToRoute()
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(route, nameof(From), From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(route, nameof(To), To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(route, nameof(Channel), Blank(Channel));
        Add(route, nameof(Language), Blank(Language));
        Add(route, nameof(HasCv), Flag(HasCv));
        Add(route, nameof(Unanswered), Flag(Unanswered));
        Add(route, nameof(LowConfidence), Flag(LowConfidence));
        Add(route, nameof(Feedback), Feedback == FeedbackFilter.Any ? null : Feedback.ToString());
        Add(route, nameof(Role), Blank(Role));
        Add(route, nameof(Text), Blank(Text));
        Add(route, nameof(ShowEmpty), ShowEmpty ? "true" : null);
        return route;
    }

    private static void Add(Dictionary<string, string> route, string name, string? value)
    {
        if (value is not null)
        {
            route["Filter." + name] = value;
        }
    }

    private static string? Flag(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
