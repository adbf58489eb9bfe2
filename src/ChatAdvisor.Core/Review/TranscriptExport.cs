using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CsvHelper;
using ChatAdvisor.Data;
using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Review;

/// <summary>
/// Writes transcripts for download, one row (CSV) or object (JSON) per message, conversations in the order asked
/// (duplicates once, unknown ids skipped). Bot messages are exported as plain text, their sources spelled out. Conversations are read one at a time, so an export of many stays small in memory.
/// </summary>
public sealed class TranscriptExport(IDbContextFactory<ChatAdvisorDb> dbFactory)
{
    /// <summary>The CSV columns, in order.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } =
        ["conversation_id", "sequence", "time", "type", "role", "text", "mode", "confidence", "citations", "feedback", "feedback_reason"];

    /// <summary>
    /// UTF-8 with a byte order mark (so Excel reads it as UTF-8), CRLF records; a text that a spreadsheet would run as
    /// a formula is written quoted behind a single quote.
    /// </summary>
    private static readonly CsvWriterOptions s_csv = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    private const int FlushThreshold = 32 * 1024;

    /// <summary>One record per message (see <see cref="TranscriptMessages"/>), its text plain; citations separated by "; ".</summary>
    public async Task WriteCsvAsync(IEnumerable<string> conversationIds, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationIds);
        ArgumentNullException.ThrowIfNull(output);
        await using var csv = CsvWriter.Create(output, s_csv, leaveOpen: true);
        await csv.WriteRecordAsync([.. CsvColumns], cancellationToken);
        await foreach (var (conversationId, entry) in EntriesAsync(conversationIds, cancellationToken))
        {
            var answer = entry.Answer;
            await csv.WriteRecordAsync(
            [
                conversationId,
                entry.Sequence.ToString(CultureInfo.InvariantCulture),
                Time(entry.Timestamp),
                entry.Type,
                entry.Role,
                TranscriptMessages.PlainText(entry),
                answer?.Mode,
                answer?.Confidence?.ToString(CultureInfo.InvariantCulture),
                answer is null ? null : string.Join("; ", answer.Citations),
                answer?.Feedback is { } rating ? (rating.Helpful ? "helpful" : "not helpful") : null,
                answer?.Feedback?.Reason,
            ], cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// A JSON array of <c>{ conversationId, sequence, time, type, role, text, mode, confidence, citations, feedback }</c>,
    /// <c>feedback</c> being null or <c>{ helpful, reason }</c>; UTF-8 without a byte order mark.
    /// </summary>
    public async Task WriteJsonAsync(IEnumerable<string> conversationIds, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationIds);
        ArgumentNullException.ThrowIfNull(output);
        await using var json = new Utf8JsonWriter(output);
        json.WriteStartArray();
        await foreach (var (conversationId, entry) in EntriesAsync(conversationIds, cancellationToken))
        {
            json.WriteStartObject();
            json.WriteString("conversationId", conversationId);
            json.WriteNumber("sequence", entry.Sequence);
            json.WriteString("time", Time(entry.Timestamp));
            json.WriteString("type", entry.Type);
            json.WriteString("role", entry.Role);
            json.WriteString("text", TranscriptMessages.PlainText(entry));
            json.WriteString("mode", entry.Answer?.Mode);
            if (entry.Answer?.Confidence is { } confidence)
            {
                json.WriteNumber("confidence", confidence);
            }
            else
            {
                json.WriteNull("confidence");
            }
            json.WriteStartArray("citations");
            foreach (var citation in entry.Answer?.Citations ?? [])
            {
                json.WriteStringValue(citation);
            }
            json.WriteEndArray();
            if (entry.Answer?.Feedback is { } rating)
            {
                json.WriteStartObject("feedback");
                json.WriteBoolean("helpful", rating.Helpful);
                json.WriteString("reason", rating.Reason);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("feedback");
            }
            json.WriteEndObject();
            if (json.BytesPending > FlushThreshold)
            {
                await json.FlushAsync(cancellationToken);
            }
        }
        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
    }

    /// <summary>ISO 8601 in UTC with a <c>Z</c>, e.g. <c>2026-03-01T09:00:00.0000000Z</c>.</summary>
    internal static string Time(DateTimeOffset instant) => instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private async IAsyncEnumerable<(string ConversationId, TranscriptEntry Entry)> EntriesAsync(
        IEnumerable<string> conversationIds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        foreach (var conversationId in conversationIds.Distinct(StringComparer.Ordinal))
        {
            foreach (var entry in TranscriptMessages.Conversational(await TranscriptView.ReadEntriesAsync(db, conversationId, cancellationToken)))
            {
                yield return (conversationId, entry);
            }
        }
    }
}
