using System.Globalization;
using ChatAdvisor.Review;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatAdvisor.Web.Portal.Pages.Gaps;

/// <summary>
/// The questions the knowledge did not serve well, grouped, so that content owners know what to add to
/// <c>knowledge/</c>. Open to recruiters and admins; every view is audited.
/// </summary>
public sealed class IndexModel(KnowledgeGaps gaps, PortalAudit audit, UserManager<Recruiter> users, TimeProvider time) : PageModel
{
    /// <summary>The audit action of a view of this page; the subject is the date range.</summary>
    public const string ViewGapsAction = "view-gaps";

    /// <summary>How many days the page looks back when no range is given.</summary>
    public const int DefaultDays = 30;

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public GapReport? Report { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        To ??= today;
        From ??= To.Value.AddDays(1 - DefaultDays);
        if (!ModelState.IsValid || From > To)
        {
            Error = "Enter a valid range: the first day must not be after the last day.";
            return;
        }
        Report = await gaps.BuildAsync(new GapQuery { From = From, To = To }, cancellationToken);
        var subject = string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}");
        await audit.RecordAsync(users.GetUserId(User)!, ViewGapsAction, subject, cancellationToken);
    }

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"declined 2, not helpful 1 (feedback: out of date)".</summary>
    public static string Reasons(GapGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        List<string> reasons = [];
        AddCount(reasons, "declined", group.Declined);
        AddCount(reasons, "low confidence", group.LowConfidence);
        AddCount(reasons, "not helpful", group.NotHelpful);
        var text = string.Join(", ", reasons);
        return group.FeedbackReasons.Count == 0 ? text : $"{text} (feedback: {string.Join("; ", group.FeedbackReasons)})";
    }

    private static void AddCount(List<string> reasons, string reason, int count)
    {
        if (count > 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{reason} {count}"));
        }
    }

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
