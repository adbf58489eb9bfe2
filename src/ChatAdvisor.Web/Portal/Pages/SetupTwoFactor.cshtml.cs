using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ChatAdvisor.Web.Portal.Pages;

/// <summary>Reached only with the enrolment cookie that a correct password gives an account without an authenticator.</summary>
[AllowAnonymous]
[EnableRateLimiting(PortalSignIn.RateLimitPolicy)]
public sealed class SetupTwoFactorModel(PortalEnrolment enrolment) : PageModel
{
    public AuthenticatorSetup? Setup { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await enrolment.FindUserAsync() is not { } user)
        {
            return RedirectToPage("/Login");
        }
        Setup = await enrolment.GetSetupAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken cancellationToken)
    {
        if (await enrolment.FindUserAsync() is not { } user)
        {
            return RedirectToPage("/Login");
        }
        RecoveryCodes = string.IsNullOrWhiteSpace(code) ? null : await enrolment.CompleteAsync(user, code, cancellationToken);
        if (RecoveryCodes is null)
        {
            Error = "That code did not match. Check the key in your app and enter the code it shows now.";
            Setup = await enrolment.GetSetupAsync(user);
        }
        return Page();
    }
}
