using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChatAdvisor.Conversations;
using ChatAdvisor.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Stores applications and serves the candidate's rights: see everything held (with reference and secret) and
/// erase it (file, record and the dialog answers in the transcript). Every request is recorded.
/// </summary>
public sealed class CvSubmissions(
    IDbContextFactory<ChatAdvisorDb> dbFactory,
    ICvFileStore files,
    TranscriptStore transcript,
    TimeProvider time,
    ILogger<CvSubmissions> logger)
{
    private const int MaxFailuresPerHour = 5;
    private const string ReferenceAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public async Task<SubmittedCv> SubmitAsync(CvDialogState application, string channelId, string conversationId, CancellationToken cancellationToken)
    {
        var file = application.File ?? throw new ArgumentException("An application needs a file.", nameof(application));
        var secret = $"{Random(5)}-{Random(5)}";
        var submission = new CvSubmission
        {
            Id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
            Reference = $"CV-{Random(4)}-{Random(4)}",
            SecretHash = HashSecret(secret),
            Name = application.Name!,
            Email = application.Email!,
            Roles = application.Roles!,
            Location = application.Location,
            NoticePeriod = application.NoticePeriod,
            TalentPool = application.TalentPool,
            FileName = file.FileName,
            FileType = file.Type.ToString(),
            FileSize = file.Size,
            FileSha256 = file.Sha256,
            StorageKey = file.StorageKey,
            ChannelId = channelId,
            ConversationId = conversationId,
            AnswerActivityIds = JsonSerializer.Serialize(application.AnswerActivityIds),
            NoticeVersion = application.NoticeVersion ?? "",
            NoticeLanguage = application.NoticeLanguage ?? "en",
            ConsentedAt = application.ConsentedAt ?? time.GetUtcNow(),
            SubmittedAt = time.GetUtcNow(),
        };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.CvSubmissions.Add(submission);
        await db.SaveChangesAsync(cancellationToken);
        CvsLog.Submitted(logger, submission.Reference, channelId);
        return new SubmittedCv(submission.Reference, secret);
    }

    /// <summary>Adds transcript activities that show the candidate's data, so that erasure removes them as well.</summary>
    public async Task TrackActivitiesAsync(string reference, IReadOnlyCollection<string> activityIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var submission = await db.CvSubmissions.SingleOrDefaultAsync(c => c.Reference == reference, cancellationToken);
        if (submission is not null)
        {
            var ids = JsonSerializer.Deserialize<List<string>>(submission.AnswerActivityIds) ?? [];
            submission.AnswerActivityIds = JsonSerializer.Serialize(ids.Union(activityIds));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Everything held about the candidate, if the reference and secret match.</summary>
    public async Task<(DataRequestOutcome Outcome, CvSubmission? Submission)> ExportAsync(string reference, string secret, string channelId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (outcome, submission) = await VerifyAsync(db, reference, secret, cancellationToken);
        await RecordAsync(db, reference, "export", outcome, channelId, cancellationToken);
        return (outcome, submission);
    }

    /// <summary>Erases the file, the record and the dialog answers in the transcript, if the reference and secret match.</summary>
    public async Task<DataRequestOutcome> EraseAsync(string reference, string secret, string channelId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (outcome, submission) = await VerifyAsync(db, reference, secret, cancellationToken);
        if (submission is not null)
        {
            await RemoveAsync(db, submission, cancellationToken);
        }
        await RecordAsync(db, reference, "erase", outcome, channelId, cancellationToken);
        return outcome;
    }

    /// <summary>The applications that staff would erase for a reference or an email address (case-insensitive), oldest first.</summary>
    public async Task<IReadOnlyList<CvSubmission>> FindForStaffAsync(string referenceOrEmail, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await MatchForStaff(db, referenceOrEmail).AsNoTracking().ToListAsync(cancellationToken);
        return [.. found.OrderBy(c => c.SubmittedAt)];
    }

    /// <summary>
    /// Erases, at a staff member's request, every application with the reference or email address exactly as
    /// <see cref="EraseAsync"/> does, records a request for each, and returns the erased references (none if nothing matched).
    /// </summary>
    public async Task<IReadOnlyList<string>> EraseByStaffAsync(string referenceOrEmail, string channelLabel, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var submissions = (await MatchForStaff(db, referenceOrEmail).ToListAsync(cancellationToken)).OrderBy(c => c.SubmittedAt).ToList();
        foreach (var submission in submissions)
        {
            await RemoveAsync(db, submission, cancellationToken);
            await RecordAsync(db, submission.Reference, "erase-staff", DataRequestOutcome.Verified, channelLabel, cancellationToken);
        }
        return [.. submissions.Select(s => s.Reference)];
    }

    /// <summary>"cv 7k3m 9qxd" and "CV-7K3M-9QXD" are the same reference.</summary>
    public static string CanonicalReference(string reference)
    {
        var n = Normalize(reference);
        return n.Length == 10 && n.StartsWith("CV", StringComparison.Ordinal) ? $"CV-{n[2..6]}-{n[6..]}" : n;
    }

    private static string Normalize(string code) =>
        new([.. code.ToUpperInvariant().Where(char.IsLetterOrDigit)]);

    private async Task<(DataRequestOutcome, CvSubmission?)> VerifyAsync(ChatAdvisorDb db, string reference, string secret, CancellationToken cancellationToken)
    {
        var normalized = CanonicalReference(reference);
        var since = time.GetUtcNow().AddHours(-1);
        var failures = (await db.DataRequests.Where(r => r.Reference == normalized && r.Outcome == nameof(DataRequestOutcome.WrongSecret))
            .Select(r => r.At).ToListAsync(cancellationToken)).Count(at => at > since);
        if (failures >= MaxFailuresPerHour)
        {
            return (DataRequestOutcome.Locked, null);
        }
        var submission = await db.CvSubmissions.SingleOrDefaultAsync(c => c.Reference == normalized, cancellationToken);
        if (submission is null || !VerifySecret(secret, submission.SecretHash))
        {
            // The same answer whether the reference or the secret is wrong, so references cannot be probed.
            return (DataRequestOutcome.WrongSecret, null);
        }
        return (DataRequestOutcome.Verified, submission);
    }

    private static IQueryable<CvSubmission> MatchForStaff(ChatAdvisorDb db, string referenceOrEmail)
    {
        var input = referenceOrEmail.Trim();
        if (input.Length == 0)
        {
            return db.CvSubmissions.Where(_ => false);
        }
        if (input.Contains('@', StringComparison.Ordinal))
        {
#pragma warning disable CA1304, CA1311, CA1862 // lower() in SQL: EF translates neither a culture nor a StringComparison.
            var email = input.ToLowerInvariant();
            return db.CvSubmissions.Where(c => c.Email.ToLower() == email);
#pragma warning restore CA1304, CA1311, CA1862
        }
        var reference = CanonicalReference(input);
        return db.CvSubmissions.Where(c => c.Reference == reference);
    }

    private async Task RemoveAsync(ChatAdvisorDb db, CvSubmission submission, CancellationToken cancellationToken)
    {
        await files.DeleteAsync(submission.StorageKey, cancellationToken);
        var ids = JsonSerializer.Deserialize<List<string>>(submission.AnswerActivityIds) ?? [];
        await transcript.RedactAsync(submission.ConversationId, ids, cancellationToken);
        // Recruiters' tags and notes on the candidate's conversation may describe them: they go too.
        await db.ConversationNotes.Where(n => n.ConversationId == submission.ConversationId).ExecuteDeleteAsync(cancellationToken);
        await db.ConversationTags.Where(t => t.ConversationId == submission.ConversationId).ExecuteDeleteAsync(cancellationToken);
        db.CvSubmissions.Remove(submission);
        await db.SaveChangesAsync(cancellationToken);
        CvsLog.Erased(logger, submission.Reference);
    }

    private async Task RecordAsync(ChatAdvisorDb db, string reference, string kind, DataRequestOutcome outcome, string channelId, CancellationToken cancellationToken)
    {
        db.DataRequests.Add(new DataRequest { Reference = CanonicalReference(reference), Kind = kind, Outcome = outcome.ToString(), ChannelId = channelId, At = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Random(int length) =>
        string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = ReferenceAlphabet[RandomNumberGenerator.GetInt32(ReferenceAlphabet.Length)];
            }
        });

    private static string HashSecret(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(Normalize(secret)), salt, 100_000, HashAlgorithmName.SHA256, 32);
        return $"{Convert.ToBase64String(salt)}.{Convert.ToBase64String(hash)}";
    }

    private static bool VerifySecret(string secret, string stored)
    {
        var parts = stored.Split('.');
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(Normalize(secret)), Convert.FromBase64String(parts[0]), 100_000, HashAlgorithmName.SHA256, 32);
        return CryptographicOperations.FixedTimeEquals(hash, Convert.FromBase64String(parts[1]));
    }
}

public sealed record SubmittedCv(string Reference, string Secret);

public enum DataRequestOutcome
{
    Verified,
    WrongSecret,
    Locked,
}
