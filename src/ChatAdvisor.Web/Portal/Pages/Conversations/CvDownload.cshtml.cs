using ChatAdvisor.Cvs;
using ChatAdvisor.Data;
using ChatAdvisor.Web.Portal.Review;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Web.Portal.Pages.Conversations;

/// <summary>
/// Streams the CV of an application as an attachment, by its reference. Unknown references and missing files are
/// both 404. Every download is audited with the reference.
/// </summary>
public sealed class CvDownloadModel(
    IDbContextFactory<ChatAdvisorDb> dbFactory, ICvFileStore files, UserManager<Recruiter> users, PortalAudit audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        var canonical = reference.Trim().ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var submission = await db.CvSubmissions.AsNoTracking()
            .Where(s => s.Reference == canonical)
            .Select(s => new { s.Reference, s.FileName, s.FileType, s.StorageKey })
            .SingleOrDefaultAsync(cancellationToken);
        if (submission is null || await files.OpenAsync(submission.StorageKey, cancellationToken) is not { } content)
        {
            return NotFound();
        }
        try
        {
            await audit.RecordAsync(users.GetUserId(User)!, ReviewAuditActions.CvDownload, submission.Reference, cancellationToken);
        }
        catch
        {
            await content.DisposeAsync();
            throw;
        }
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(content, CvDownloadFile.ContentType(submission.FileType),
            CvDownloadFile.FileName(submission.FileName, submission.FileType, submission.Reference));
    }
}
