using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Web.Portal.Pages.Admin;

/// <summary>
/// The portal's accounts: add one, give one a new password (forgotten), or reset its authenticator app (lost or
/// replaced phone). Each of these ends the account's sessions and is recorded in the audit trail.
/// </summary>
public sealed class AccountsModel(IDbContextFactory<PortalDb> dbFactory, PortalAccounts accounts, UserManager<Recruiter> users, TimeProvider time) : PageModel
{
    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    /// <summary>The signed-in admin, whose own authenticator is not offered for reset here (that would end this session).</summary>
    public string? CurrentUserId => users.GetUserId(User);

    /// <summary>The address of the account just reset, for the confirmation.</summary>
    public string? ResetEmail { get; private set; }

    /// <summary>The address and one-time password of an account just added or given a new password.</summary>
    public IssuedPassword? Issued { get; private set; }

    [BindProperty]
    public NewAccountInput NewAccount { get; set; } = new();

    public IReadOnlyList<string> AddProblems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var email = NewAccount.Email?.Trim() ?? "";
        var role = NewAccount.Role is PortalRoles.Admin ? PortalRoles.Admin : PortalRoles.Recruiter;
        if (!new EmailAddressAttribute().IsValid(email) || email.Length is 0 or > 256)
        {
            AddProblems = ["Enter the new account's email address, such as name@agency.example."];
        }
        else
        {
            var password = PortalAccounts.GeneratePassword();
            var created = await accounts.CreateAsync(email, role, password, CurrentUserId!, cancellationToken);
            AddProblems = created.Problems;
            if (created.Succeeded)
            {
                Issued = new IssuedPassword(email, password, Added: true);
                NewAccount = new NewAccountInput();
                ModelState.Clear();
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPasswordAsync(string? userId, CancellationToken cancellationToken)
    {
        if (await OtherAccountAsync(userId) is not { } target)
        {
            return NotFound();
        }
        var password = await accounts.ResetPasswordAsync(target, CurrentUserId!, cancellationToken);
        Issued = new IssuedPassword(target.Email ?? target.Id, password, Added: false);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(string? userId, CancellationToken cancellationToken)
    {
        if (await OtherAccountAsync(userId) is not { } target)
        {
            return NotFound();
        }
        await accounts.ResetAuthenticatorAsync(target, CurrentUserId!, cancellationToken);
        ResetEmail = target.Email;
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The account an action names, unless it is missing or the signed-in admin's own (that would end this session).</summary>
    private async Task<Recruiter?> OtherAccountAsync(string? userId) =>
        string.IsNullOrEmpty(userId) || userId == CurrentUserId ? null : await users.FindByIdAsync(userId);

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

/// <summary>A password shown once, to be handed over in person or through a password manager.</summary>
public sealed record IssuedPassword(string Email, string Password, bool Added);

/// <summary>The form that adds an account.</summary>
public sealed class NewAccountInput
{
    public string? Email { get; set; }

    public string? Role { get; set; }
}

/// <summary>One account as the list shows it.</summary>
public sealed record AccountRow(string Id, string Email, string Roles, bool HasAuthenticator, bool IsLockedOut);
