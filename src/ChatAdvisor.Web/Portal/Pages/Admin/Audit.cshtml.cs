using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Web.Portal.Pages.Admin;

/// <summary>The portal's audit trail, newest first, a page at a time, optionally of one action only.</summary>
public sealed class AuditModel(IDbContextFactory<PortalDb> dbFactory) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Only entries with this action, when set.</summary>
    [BindProperty(Name = "filter", SupportsGet = true)]
    public string? Filter { get; set; }

    /// <summary>The page shown, from 1.</summary>
    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditRow> Entries { get; private set; } = [];

    public IReadOnlyList<string> Actions { get; private set; } = [];

    public bool HasNextPage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, PageNumber);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Actions = await db.AuditEntries.Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(Filter))
        {
            entries = entries.Where(e => e.Action == Filter);
        }
        // Ids grow with every append, so they order the trail without comparing time stamps in SQL.
        var rows = await entries.OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(e => new AuditRow(e.Id, e.At, e.ActorUserId, db.Users.Where(u => u.Id == e.ActorUserId).Select(u => u.Email).FirstOrDefault(), e.Action, e.Subject))
            .ToListAsync(cancellationToken);
        HasNextPage = rows.Count > PageSize;
        Entries = [.. rows.Take(PageSize)];
    }

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}

/// <summary>One audit entry with the actor's email address when the actor is a portal account.</summary>
public sealed record AuditRow(long Id, DateTimeOffset At, string ActorUserId, string? ActorEmail, string Action, string? Subject);
