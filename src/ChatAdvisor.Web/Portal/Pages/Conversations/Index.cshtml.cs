using System.Globalization;
using ChatAdvisor.Data;
using ChatAdvisor.Knowledge;
using ChatAdvisor.Review;
using ChatAdvisor.Web.Portal.Review;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Web.Portal.Pages.Conversations;

/// <summary>Finds conversations with the review filters, 25 a page, and exports a selection of them as CSV or JSON.</summary>
public sealed class ConversationListModel(
    ConversationSearch search, TranscriptExport export, IDbContextFactory<ChatAdvisorDb> dbFactory,
    UserManager<Recruiter> users, PortalAudit audit, KnowledgeBase knowledge, TimeProvider time) : PageModel
{
    /// <summary>The languages a conversation can be held in, for the language filter.</summary>
    public IReadOnlyList<string> Languages => knowledge.Languages;

    /// <summary>The most conversations one export takes.</summary>
    public const int MaxExport = ConversationQuery.MaxPageSize;

    public const string SelectOneMessage = "Select one or more conversations to export.";

    [BindProperty(SupportsGet = true)]
    public ConversationFilter Filter { get; set; } = new();

    /// <summary>The result page; not named "page", which Razor Pages keeps for itself.</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ConversationPage Results { get; private set; } = new(0, 1, ConversationQuery.DefaultPageSize, []);

    public string? Error { get; private set; }

    public int PageCount => Math.Max(1, (Results.Total + Results.PageSize - 1) / Results.PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await SearchAsync(cancellationToken);

    public async Task<IActionResult> OnPostExportAsync(List<string> selected, string format, CancellationToken cancellationToken)
    {
        var ids = selected.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        if (format is not ("csv" or "json") || ids.Count is 0 or > MaxExport)
        {
            Error = ids.Count > MaxExport
                ? $"Select at most {MaxExport} conversations for one export."
                : SelectOneMessage;
            await SearchAsync(cancellationToken);
            return Page();
        }
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var known = await db.Conversations.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
            ids = [.. ids.Where(known.Contains)];
        }
        if (ids.Count == 0)
        {
            return NotFound();
        }
        var content = new MemoryStream();
        if (format == "csv")
        {
            await export.WriteCsvAsync(ids, content, cancellationToken);
        }
        else
        {
            await export.WriteJsonAsync(ids, content, cancellationToken);
        }
        await audit.RecordAsync(users.GetUserId(User)!, ReviewAuditActions.Export,
            string.Create(CultureInfo.InvariantCulture, $"{format} {ids.Count}"), cancellationToken);
        content.Position = 0;
        var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        return File(content, format == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8", $"conversations-{stamp}.{format}");
    }

    /// <summary>The query string of result page <paramref name="page"/> with the current filters.</summary>
    public Dictionary<string, string> RouteFor(int page)
    {
        var route = Filter.ToRoute();
        route["p"] = page.ToString(CultureInfo.InvariantCulture);
        return route;
    }

    private async Task SearchAsync(CancellationToken cancellationToken) =>
        Results = await search.SearchAsync(Filter.ToQuery(PageNumber), cancellationToken);
}
