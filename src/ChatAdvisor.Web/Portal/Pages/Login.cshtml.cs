using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ChatAdvisor.Web.Portal.Pages;

[AllowAnonymous]
[EnableRateLimiting(PortalSignIn.RateLimitPolicy)]
public sealed class LoginModel(PortalSignIn signIn) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        switch (await signIn.CheckPasswordAsync(Input.Email.Trim(), Input.Password, cancellationToken))
        {
            case PasswordStep.EnterCode:
                return RedirectToPage("/LoginTwoFactor", new { ReturnUrl });
            case PasswordStep.EnrolAuthenticator:
                return RedirectToPage("/SetupTwoFactor");
            default:
                Error = PortalSignIn.FailureMessage;
                return Page();
        }
    }
}

public sealed class LoginInput
{
    [Required]
    [EmailAddress]
    [Display(Name = "Email address")]
    public string Email { get; set; } = string.Empty;

    [Required]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = string.Empty;
}
