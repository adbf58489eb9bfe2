using System.Text.Json;
using ChatAdvisor.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Conversations;

/// <summary>Creates conversations and loads and saves their state with optimistic concurrency.</summary>
public sealed class ConversationStore(IDbContextFactory<ChatAdvisorDb> dbFactory, TimeProvider time)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    /// <summary>Creates the conversation if it is new; returns false when it already existed.</summary>
    /// <remarks>One atomic statement: channels deliver several activities of a new conversation at once.</remarks>
    public async Task<bool> EnsureAsync(string conversationId, string channelId, string? userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO conversations (id, channel_id, user_id, started_at, last_activity_at, last_sequence, state_version)
            VALUES ({conversationId}, {channelId}, {userId}, {now}, {now}, 0, 0)
            ON CONFLICT (id) DO NOTHING
            """, cancellationToken);
        return inserted == 1;
    }

    /// <summary>Deletes a conversation with its state and transcript (for example when a Teams user removes the app).</summary>
    public async Task DeleteAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.TranscriptActivities.Where(a => a.ConversationId == conversationId).ExecuteDeleteAsync(cancellationToken);
        await db.ConversationNotes.Where(n => n.ConversationId == conversationId).ExecuteDeleteAsync(cancellationToken);
        await db.ConversationTags.Where(t => t.ConversationId == conversationId).ExecuteDeleteAsync(cancellationToken);
        await db.AnswerFeedback.Where(f => f.ConversationId == conversationId).ExecuteDeleteAsync(cancellationToken);
        await db.Conversations.Where(c => c.Id == conversationId).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<Conversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
    }

    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Conversations.AnyAsync(c => c.Id == conversationId, cancellationToken);
    }

    public async Task<(ConversationState State, long Version)> LoadStateAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Conversations.AsNoTracking()
            .Where(c => c.Id == conversationId)
            .Select(c => new { c.StateJson, c.StateVersion })
            .SingleOrDefaultAsync(cancellationToken);
        if (row?.StateJson is null)
        {
            return (ConversationState.Empty, row?.StateVersion ?? 0);
        }
        return (JsonSerializer.Deserialize<ConversationState>(row.StateJson, s_json) ?? ConversationState.Empty, row.StateVersion);
    }

    /// <summary>Saves the state if nobody saved since it was loaded; returns false on a lost race.</summary>
    public Task<bool> SaveStateAsync(string conversationId, ConversationState state, long expectedVersion, CancellationToken cancellationToken) =>
        SaveStateAsync(conversationId, state, expectedVersion, completedTurnId: null, cancellationToken);

    /// <summary>
    /// Saves the state if nobody saved since it was loaded; returns false on a lost race. With
    /// <paramref name="completedTurnId"/>, the same transaction marks that inbound activity's turn done (one write
    /// per turn instead of two; the turn is finished whether or not the state won the race).
    /// </summary>
    public async Task<bool> SaveStateAsync(string conversationId, ConversationState state, long expectedVersion, string? completedTurnId,
        CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var json = JsonSerializer.Serialize(state, s_json);
        var now = time.GetUtcNow();
        await using var transaction = completedTurnId is null ? null : await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.Conversations
            .Where(c => c.Id == conversationId && c.StateVersion == expectedVersion)
            .ExecuteUpdateAsync(s => s
                .SetProperty(c => c.StateJson, json)
                .SetProperty(c => c.Language, state.Language)
                .SetProperty(c => c.StateVersion, expectedVersion + 1)
                .SetProperty(c => c.LastActivityAt, now), cancellationToken);
        if (transaction is not null)
        {
            await db.TranscriptActivities
                .Where(a => a.ConversationId == conversationId && a.ActivityId == completedTurnId && a.TurnStatus == TurnStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.TurnStatus, TurnStatus.Done), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return updated == 1;
    }
}
