using ChatAdvisor.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Conversations;

/// <summary>Reads and writes the recruiters' tags on conversations. Callers check that the conversation exists.</summary>
public sealed class ConversationTags(IDbContextFactory<ChatAdvisorDb> dbFactory, TimeProvider time)
{
    /// <summary>The conversation's tags, alphabetically.</summary>
    public async Task<IReadOnlyList<ConversationTag>> ListAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tags = await db.ConversationTags.AsNoTracking().Where(t => t.ConversationId == conversationId).ToListAsync(cancellationToken);
        return [.. tags.OrderBy(t => t.Tag, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Adds the tag (trimmed, inner spaces collapsed) unless the conversation has it already.</summary>
    /// <returns>False when the tag is empty or longer than <see cref="ConversationTag.MaxLength"/>.</returns>
    public async Task<bool> AddAsync(string conversationId, string? tag, string userId, CancellationToken cancellationToken)
    {
        if (Normalize(tag) is not { } normalized)
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.ConversationTags.AnyAsync(t => t.ConversationId == conversationId && t.Tag == normalized, cancellationToken))
        {
            return true;
        }
        db.ConversationTags.Add(new ConversationTag { ConversationId = conversationId, Tag = normalized, CreatedBy = userId, CreatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Added by a concurrent request? Then the tag is there, which is what was asked.
            await using var check = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await check.ConversationTags.AnyAsync(t => t.ConversationId == conversationId && t.Tag == normalized, cancellationToken))
            {
                throw;
            }
        }
        return true;
    }

    public async Task RemoveAsync(string conversationId, string? tag, CancellationToken cancellationToken)
    {
        if (Normalize(tag) is not { } normalized)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.ConversationTags.Where(t => t.ConversationId == conversationId && t.Tag == normalized).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The tag as stored, or null when it is empty or too long.</summary>
    public static string? Normalize(string? tag)
    {
        var words = (tag ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var normalized = string.Join(' ', words);
        return normalized.Length is > 0 and <= ConversationTag.MaxLength ? normalized : null;
    }
}
