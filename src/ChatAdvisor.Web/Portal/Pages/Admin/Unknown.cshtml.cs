using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChatAdvisor.Web.Portal.Pages.Admin;

/// <summary>
/// Any other address under /portal/admin: behind the admin policy like the real pages (so a recruiter gets 403 and
/// learns nothing about which admin pages exist), then not found.
/// </summary>
public sealed class UnknownModel : PageModel
{
    public IActionResult OnGet() => NotFound();

    public IActionResult OnPost() => NotFound();
}
