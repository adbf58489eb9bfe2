using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json.Nodes;
using ChatAdvisor.Cvs;
using ChatAdvisor.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChatAdvisor.Conversations;

/// <summary>
/// The ordered activities of each conversation. Sequence numbers are allocated in the database, so several hosts can
/// append to one conversation safely. A candidate's secret code is never stored: the database gets the activity with
/// the code masked (<see cref="SecretMask"/>), and only this process keeps the original, for
/// <see cref="DeliveryWindow"/>, so that the candidate's own client can still receive it (from the returned entry or
/// from <see cref="ListAfterAsync"/>).
/// </summary>
public sealed class TranscriptStore(IDbContextFactory<ChatAdvisorDb> dbFactory, TimeProvider time)
{
    public const string RemovedNote = "[removed at the candidate's request]";

    /// <summary>How long the unmasked original of an activity with a secret code can be read back.</summary>
    public static readonly TimeSpan DeliveryWindow = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<(string ConversationId, long Sequence), (TranscriptActivity Original, DateTimeOffset Until)> _undelivered = new();

    /// <summary>Reserves the next sequence number and stores the entry built for it, in one transaction.</summary>
    /// <returns>The stored entry, or null when the conversation does not exist.</returns>
    public async Task<TranscriptActivity?> AppendAsync(string conversationId, Func<long, TranscriptActivity> build, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = "UPDATE conversations SET last_sequence = last_sequence + 1, last_activity_at = @now WHERE id = @id RETURNING last_sequence";
        AddParameter(command, "@id", conversationId);
        // A type test, not IsNpgsql(): that reads assembly names by reflection, on every activity.
        AddParameter(command, "@now", connection is Npgsql.NpgsqlConnection ? time.GetUtcNow() : time.GetUtcNow().ToString("O"));
        var result = await command.ExecuteScalarAsync(cancellationToken);
        if (result is null or DBNull)
        {
            return null;
        }
        var entry = build(Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture));
        var (text, json) = SecretMask.ForStorage(entry.Text, entry.Json);
        var stored = ReferenceEquals(text, entry.Text) && ReferenceEquals(json, entry.Json) ? entry : Copy(entry, text, json);
        var masked = !ReferenceEquals(stored, entry);
        if (masked)
        {
            // Kept before the commit: a client that reads the conversation as soon as the row is visible must get the
            // original, not the masked copy.
            ForgetDelivered();
            _undelivered[(conversationId, entry.Sequence)] = (entry, time.GetUtcNow() + DeliveryWindow);
        }
        try
        {
            await InsertAsync(db, stored, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch when (masked)
        {
            _undelivered.TryRemove((conversationId, entry.Sequence), out _);
            throw;
        }
        return entry;
    }

    /// <summary>
    /// One statement rather than change tracking, as this runs for every activity in and out; a refused row (an
    /// activity id stored before) surfaces as <see cref="DbUpdateException"/>, as a tracked insert's would.
    /// </summary>
    private static async Task InsertAsync(ChatAdvisorDb db, TranscriptActivity stored, CancellationToken cancellationToken)
    {
        try
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO transcript_activities (conversation_id, sequence, activity_id, type, from_role, text, timestamp, json,
                    answer_mode, answer_confidence, answer_citations, answer_ref, turn_status, reply_to_id)
                VALUES ({stored.ConversationId}, {stored.Sequence}, {stored.ActivityId}, {stored.Type}, {stored.FromRole}, {stored.Text},
                    {stored.Timestamp}, {stored.Json}, {stored.AnswerMode}, {stored.AnswerConfidence}, {stored.AnswerCitations},
                    {stored.AnswerRef}, {stored.TurnStatus}, {stored.ReplyToId})
                """, cancellationToken);
        }
        catch (DbException e)
        {
            throw new DbUpdateException($"The activity {stored.ActivityId} could not be stored: {e.Message}", e);
        }
    }

    public async Task<List<TranscriptActivity>> ListAfterAsync(string conversationId, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.TranscriptActivities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Sequence > afterSequence)
            .OrderBy(a => a.Sequence)
            .Take(limit)
            .ToListAsync(cancellationToken);
        if (_undelivered.IsEmpty)
        {
            return rows;
        }
        ForgetDelivered();
        return [.. rows.Select(r => _undelivered.TryGetValue((r.ConversationId, r.Sequence), out var kept) ? kept.Original : r)];
    }

    /// <summary>
    /// Replaces the content of the given activities with a removal note, keeping id, time and sender so the
    /// conversation still reads in order.
    /// </summary>
    public async Task RedactAsync(string conversationId, IReadOnlyCollection<string> activityIds, CancellationToken cancellationToken)
    {
        if (activityIds.Count == 0)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.TranscriptActivities
            .Where(a => a.ConversationId == conversationId && activityIds.Contains(a.ActivityId))
            .ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            var original = JsonNode.Parse(row.Json)!.AsObject();
            var redacted = new JsonObject { ["text"] = RemovedNote, ["textFormat"] = "plain" };
            foreach (var keep in (string[])["type", "id", "timestamp", "channelId", "conversation", "from", "recipient", "replyToId"])
            {
                if (original[keep] is { } value)
                {
                    redacted[keep] = value.DeepClone();
                }
            }
            row.Json = redacted.ToJsonString();
            row.Text = RemovedNote;
            _undelivered.TryRemove((row.ConversationId, row.Sequence), out _);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Marks an inbound activity's turn finished, so a restart does not run it again.</summary>
    public async Task CompleteTurnAsync(string conversationId, string activityId, string status, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.TranscriptActivities
            .Where(a => a.ConversationId == conversationId && a.ActivityId == activityId && a.TurnStatus == TurnStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.TurnStatus, status), cancellationToken);
    }

    /// <summary>
    /// Whether an inbound activity stored before <paramref name="activityId"/> in its conversation, and received after
    /// <paramref name="since"/>, still awaits its turn. (An older one is stuck with a stopped host; recovery takes it.)
    /// </summary>
    public async Task<bool> HasEarlierPendingTurnAsync(string conversationId, string activityId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sequence = db.TranscriptActivities
            .Where(a => a.ConversationId == conversationId && a.ActivityId == activityId)
            .Select(a => a.Sequence);
        // Few rows at most; their times are compared here, as SQLite cannot compare DateTimeOffset in the query.
        var pending = await db.TranscriptActivities
            .Where(a => a.ConversationId == conversationId && a.TurnStatus == TurnStatus.Pending && a.Sequence < sequence.FirstOrDefault())
            .Select(a => a.Timestamp)
            .ToListAsync(cancellationToken);
        return pending.Any(t => t > since);
    }

    /// <summary>Inbound activities whose turns were accepted but never finished, oldest first within each conversation.</summary>
    public async Task<List<TranscriptActivity>> ListPendingTurnsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.TranscriptActivities.AsNoTracking()
            .Where(a => a.TurnStatus == TurnStatus.Pending)
            .OrderBy(a => a.ConversationId).ThenBy(a => a.Sequence)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    public async Task<bool> ContainsAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.TranscriptActivities.AnyAsync(a => a.ConversationId == conversationId && a.ActivityId == activityId, cancellationToken);
    }

    /// <summary>How many activities the bot has already sent in answer to one inbound activity.</summary>
    public async Task<int> CountRepliesAsync(string conversationId, string replyToId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.TranscriptActivities.CountAsync(a => a.ConversationId == conversationId && a.ReplyToId == replyToId, cancellationToken);
    }

    /// <summary>
    /// Keeps, for <see cref="DeliveryWindow"/>, the original of an activity another instance stored with a secret
    /// code masked, so that the candidate's client reads the code here too.
    /// </summary>
    public void KeepOriginal(TranscriptActivity entry)
    {
        var (text, json) = SecretMask.ForStorage(entry.Text, entry.Json);
        if (ReferenceEquals(text, entry.Text) && ReferenceEquals(json, entry.Json))
        {
            return;
        }
        ForgetDelivered();
        _undelivered[(entry.ConversationId, entry.Sequence)] = (entry, time.GetUtcNow() + DeliveryWindow);
    }

    private void ForgetDelivered()
    {
        var now = time.GetUtcNow();
        foreach (var (key, kept) in _undelivered)
        {
            if (kept.Until <= now)
            {
                _undelivered.TryRemove(key, out _);
            }
        }
    }

    private static TranscriptActivity Copy(TranscriptActivity entry, string? text, string json) => new()
    {
        ConversationId = entry.ConversationId,
        Sequence = entry.Sequence,
        ActivityId = entry.ActivityId,
        Type = entry.Type,
        FromRole = entry.FromRole,
        Text = text,
        Timestamp = entry.Timestamp,
        Json = json,
        AnswerMode = entry.AnswerMode,
        AnswerConfidence = entry.AnswerConfidence,
        AnswerCitations = entry.AnswerCitations,
        AnswerRef = entry.AnswerRef,
        TurnStatus = entry.TurnStatus,
        ReplyToId = entry.ReplyToId,
    };

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
