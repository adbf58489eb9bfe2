using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Web.Portal.Pages.Admin;

/// <summary>The portal's accounts, and the reset of an account's authenticator app (lost or replaced phone).</summary>
public sealed class AccountsModel(IDbContextFactory<PortalDb> dbFactory, PortalAccounts accounts, UserManager<Recruiter> users, TimeProvider time) : PageModel
{
    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    /// <summary>The signed-in admin, whose own authenticator is not offered for reset here (that would end this session).</summary>
    public string? CurrentUserId => users.GetUserId(User);

    /// <summary>The address of the account just reset, for the confirmation.</summary>
    public string? ResetEmail { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostResetAsync(string? userId, CancellationToken cancellationToken)
    {
        var target = string.IsNullOrEmpty(userId) || userId == CurrentUserId ? null : await users.FindByIdAsync(userId);
        if (target is null || !await accounts.ResetAuthenticatorAsync(target.Id, CurrentUserId!, cancellationToken))
        {
            return NotFound();
        }
        ResetEmail = target.Email;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.NormalizedEmail)
            .Select(u => new
            {
                u.Id,
                u.Email,
                u.TwoFactorEnabled,
                u.LockoutEnd,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        // Lockout ends are compared here: SQLite cannot compare DateTimeOffset columns in SQL.
        Accounts = [.. rows.Select(u => new AccountRow(u.Id, u.Email ?? u.Id, string.Join(", ", u.Roles.Order(StringComparer.Ordinal)), u.TwoFactorEnabled, u.LockoutEnd > now))];
    }
}

/// <summary>One account as the list shows it.</summary>
public sealed record AccountRow(string Id, string Email, string Roles, bool HasAuthenticator, bool IsLockedOut);
