using ChatAdvisor.Conversations;
using ChatAdvisor.Data;
using ChatAdvisor.Review;
using ChatAdvisor.Web.Portal.Review;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Web.Portal.Pages.Conversations;

/// <summary>
/// One conversation: the transcript with each answer's mode, confidence, citations and rating, the applications sent
/// through it, and the recruiters' tags and notes. An unknown id is 404 for every handler. Each view is audited.
/// </summary>
public sealed class TranscriptModel(
    TranscriptView transcripts, IDbContextFactory<ChatAdvisorDb> dbFactory, UserManager<Recruiter> users, PortalAudit audit, TimeProvider time) : PageModel
{
    private readonly ConversationTags _tags = new(dbFactory, time);
    private readonly ConversationNotes _notes = new(dbFactory, time);

    [FromRoute]
    public string Id { get; set; } = "";

    public TranscriptDetail Detail { get; private set; } = null!;

    public IReadOnlyList<ConversationTag> Tags { get; private set; } = [];

    public IReadOnlyList<ConversationNote> Notes { get; private set; } = [];

    /// <summary>Portal users' email addresses by id, for the notes' authors.</summary>
    public IReadOnlyDictionary<string, string> Authors { get; private set; } = new Dictionary<string, string>();

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }
        await audit.RecordAsync(UserId, ReviewAuditActions.View, Detail.ConversationId, cancellationToken);
        return Page();
    }

    public Task<IActionResult> OnPostAddTagAsync(string? tag, CancellationToken cancellationToken) =>
        ChangeAsync(async () => await _tags.AddAsync(Id, tag, UserId, cancellationToken)
            ? ReviewAuditActions.TagAdded
            : null, $"A tag is 1 to {ConversationTag.MaxLength} characters.", "tags", cancellationToken);

    public Task<IActionResult> OnPostRemoveTagAsync(string? tag, CancellationToken cancellationToken) =>
        ChangeAsync(async () =>
        {
            await _tags.RemoveAsync(Id, tag, cancellationToken);
            return ReviewAuditActions.TagRemoved;
        }, null, "tags", cancellationToken);

    public Task<IActionResult> OnPostAddNoteAsync(string? text, CancellationToken cancellationToken) =>
        ChangeAsync(async () => await _notes.AddAsync(Id, text, UserId, cancellationToken)
            ? ReviewAuditActions.NoteAdded
            : null, $"A note is 1 to {ConversationNote.MaxLength} characters.", "notes", cancellationToken);

    private string UserId => users.GetUserId(User)!;

    /// <summary>
    /// Runs <paramref name="change"/> (which returns the audit action, or null when it refused the input) on an existing
    /// conversation, audits it and goes back to the page at <paramref name="fragment"/> (post/redirect/get); a refusal
    /// shows the page with <paramref name="refusal"/>.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(Func<Task<string?>> change, string? refusal, string fragment, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Conversations.AnyAsync(c => c.Id == Id, cancellationToken))
            {
                return NotFound();
            }
        }
        if (await change() is not { } action)
        {
            Error = refusal;
            await LoadAsync(cancellationToken);
            return Page();
        }
        await audit.RecordAsync(UserId, action, Id, cancellationToken);
        return RedirectToPage("Transcript", null, new { id = Id }, fragment);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await transcripts.GetAsync(Id, cancellationToken) is not { } detail)
        {
            return false;
        }
        Detail = detail;
        Tags = await _tags.ListAsync(Id, cancellationToken);
        Notes = await _notes.ListAsync(Id, cancellationToken);
        var authors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var authorId in Notes.Select(n => n.AuthorUserId).Distinct(StringComparer.Ordinal))
        {
            authors[authorId] = (await users.FindByIdAsync(authorId))?.Email ?? "a removed account";
        }
        Authors = authors;
        return true;
    }
}
