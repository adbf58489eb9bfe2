using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatAdvisor.Web.Portal.Pages.Account;

/// <summary>A signed-in account changes its password; its other sessions end, this one carries on.</summary>
public sealed class PasswordModel(PortalAccounts accounts, UserManager<Recruiter> users, SignInManager<Recruiter> signInManager) : PageModel
{
    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public bool Changed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        var changed = await accounts.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword, cancellationToken);
        if (!changed.Succeeded)
        {
            foreach (var error in changed.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(PasswordInput.CurrentPassword) : nameof(PasswordInput.NewPassword);
                ModelState.AddModelError($"{nameof(Input)}.{field}", error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "This is not your current password." : error.Description);
            }
            return Page();
        }
        // The new security stamp ended every session of the account, this one included: issue this one again.
        await signInManager.RefreshSignInAsync(user);
        Changed = true;
        Input = new PasswordInput();
        return Page();
    }
}

public sealed class PasswordInput
{
    [Required]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string CurrentPassword { get; set; } = string.Empty;

    [Required]
    [DataType(DataType.Password)]
    [StringLength(256, MinimumLength = 12, ErrorMessage = "The new password needs at least 12 characters.")]
    [Display(Name = "New password")]
    public string NewPassword { get; set; } = string.Empty;

    [Required]
    [DataType(DataType.Password)]
    [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ.")]
    [Display(Name = "New password again")]
    public string ConfirmPassword { get; set; } = string.Empty;
}
