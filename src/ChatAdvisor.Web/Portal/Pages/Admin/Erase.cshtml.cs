using System.Globalization;
using ChatAdvisor.Cvs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatAdvisor.Web.Portal.Pages.Admin;

/// <summary>
/// Erasure at a candidate's request made to staff (by email, phone or letter): find the applications by reference or
/// email address, confirm what will go, then erase the file, the record and the answers in the transcript.
/// </summary>
public sealed class EraseModel(CvSubmissions submissions, PortalAudit audit, UserManager<Recruiter> users) : PageModel
{
    /// <summary>The audit action of an erasure; the subject is the erased reference (one entry per application).</summary>
    public const string EraseAction = "erase";

    /// <summary>The channel recorded with each data request made through this page.</summary>
    public const string ChannelLabel = "portal";

    [BindProperty]
    public string? Query { get; set; }

    /// <summary>What the confirmation step shows: only the reference, the file name and when it was sent.</summary>
    public IReadOnlyList<ErasureCandidate>? Matches { get; private set; }

    public IReadOnlyList<string>? Erased { get; private set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostFindAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Query))
        {
            Error = "Enter an application reference (CV-XXXX-XXXX) or the candidate's email address.";
            return Page();
        }
        var found = await submissions.FindForStaffAsync(Query, cancellationToken);
        Matches = [.. found.Select(s => new ErasureCandidate(s.Reference, s.FileName, s.SubmittedAt))];
        return Page();
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Query))
        {
            return RedirectToPage();
        }
        Erased = await submissions.EraseByStaffAsync(Query, ChannelLabel, cancellationToken);
        var actor = users.GetUserId(User)!;
        foreach (var reference in Erased)
        {
            await audit.RecordAsync(actor, EraseAction, reference, cancellationToken);
        }
        return Page();
    }

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}

/// <summary>One application as the erasure confirmation shows it.</summary>
public sealed record ErasureCandidate(string Reference, string FileName, DateTimeOffset SubmittedAt);
