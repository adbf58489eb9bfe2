using ChatAdvisor.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Conversations;

/// <summary>Reads and adds the recruiters' notes on conversations. Callers check that the conversation exists.</summary>
public sealed class ConversationNotes(IDbContextFactory<ChatAdvisorDb> dbFactory, TimeProvider time)
{
    /// <summary>The conversation's notes, oldest first (ordered in memory: SQLite cannot order <see cref="DateTimeOffset"/>).</summary>
    public async Task<IReadOnlyList<ConversationNote>> ListAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notes = await db.ConversationNotes.AsNoTracking().Where(n => n.ConversationId == conversationId).ToListAsync(cancellationToken);
        return [.. notes.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id)];
    }

    /// <returns>False when the text is blank or longer than <see cref="ConversationNote.MaxLength"/>.</returns>
    public async Task<bool> AddAsync(string conversationId, string? text, string userId, CancellationToken cancellationToken)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length is 0 or > ConversationNote.MaxLength)
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ConversationNotes.Add(new ConversationNote { ConversationId = conversationId, AuthorUserId = userId, Text = trimmed, CreatedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
