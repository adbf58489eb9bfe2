using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ChatAdvisor.Web.Portal.Pages;

[AllowAnonymous]
[EnableRateLimiting(PortalSignIn.RateLimitPolicy)]
public sealed class LoginTwoFactorModel(PortalSignIn signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await signIn.HasPendingCodeAsync() ? Page() : RedirectToPage("/Login");

    public Task<IActionResult> OnPostAsync(string? code, CancellationToken cancellationToken) =>
        VerifyAsync(code, isRecoveryCode: false, cancellationToken);

    public Task<IActionResult> OnPostRecoveryAsync(string? recoveryCode, CancellationToken cancellationToken) =>
        VerifyAsync(recoveryCode, isRecoveryCode: true, cancellationToken);

    private async Task<IActionResult> VerifyAsync(string? code, bool isRecoveryCode, CancellationToken cancellationToken)
    {
        var step = string.IsNullOrWhiteSpace(code) ? CodeStep.Failed : await signIn.CheckCodeAsync(code, isRecoveryCode, cancellationToken);
        switch (step)
        {
            case CodeStep.SignedIn:
                return LocalRedirect(PortalEndpoints.SafeReturnUrl(ReturnUrl));
            case CodeStep.Expired:
                return RedirectToPage("/Login", new { ReturnUrl });
            default:
                Error = PortalSignIn.FailureMessage;
                return Page();
        }
    }
}
