using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatAdvisor.Web.Portal.Pages;

/// <summary>Signing out is a form post (with its antiforgery token), so that no link or image can do it.</summary>
[AllowAnonymous]
public sealed class LogoutModel(PortalSignIn signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await signIn.SignOutAsync(cancellationToken);
        return RedirectToPage("/Login");
    }
}
