using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.DirectLine;

/// <summary>
/// Files uploaded through Direct Line, on local disk under one folder per conversation. A file waits here only for
/// the turn that takes it (a CV moves to the CV store); <see cref="SweepAsync"/> removes what nobody took.
/// </summary>
public sealed class AttachmentStore(IOptions<DirectLineOptions> options, IHostEnvironment environment, TimeProvider time)
{
    private readonly string _root = Path.GetFullPath(options.Value.AttachmentsPath, environment.ContentRootPath);

    public async Task<string> SaveAsync(string conversationId, string name, string contentType, Stream content, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var folder = Folder(conversationId);
        Directory.CreateDirectory(folder);
        await using (var file = new FileStream(Path.Combine(folder, id), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken);
        }
        await File.WriteAllTextAsync(Path.Combine(folder, id + ".json"),
            JsonSerializer.Serialize(new StoredAttachment(id, name, contentType) { SavedAt = time.GetUtcNow() }), cancellationToken);
        return id;
    }

    public async Task<(StoredAttachment Info, string Path)?> FindAsync(string conversationId, string attachmentId, CancellationToken cancellationToken)
    {
        if (attachmentId.Length != 32 || !attachmentId.All(Uri.IsHexDigit))
        {
            return null;
        }
        var path = Path.Combine(Folder(conversationId), attachmentId);
        if (!File.Exists(path) || !File.Exists(path + ".json"))
        {
            return null;
        }
        var info = JsonSerializer.Deserialize<StoredAttachment>(await File.ReadAllTextAsync(path + ".json", cancellationToken));
        return info is null ? null : (info, path);
    }

    /// <summary>Removes an uploaded file once its content has been taken elsewhere (a CV goes to the CV store).</summary>
    public Task DeleteAsync(string conversationId, string attachmentId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (attachmentId.Length == 32 && attachmentId.All(Uri.IsHexDigit))
        {
            var path = Path.Combine(Folder(conversationId), attachmentId);
            File.Delete(path);
            File.Delete(path + ".json");
        }
        return Task.CompletedTask;
    }

    /// <summary>Deletes every file saved before <paramref name="savedBefore"/>, and folders left empty; returns how many files went.</summary>
    public async Task<int> SweepAsync(DateTimeOffset savedBefore, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_root))
        {
            return 0;
        }
        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(_root))
        {
            foreach (var meta in Directory.EnumerateFiles(folder, "*.json"))
            {
                cancellationToken.ThrowIfCancellationRequested();
                StoredAttachment? info = null;
                try
                {
                    info = JsonSerializer.Deserialize<StoredAttachment>(await File.ReadAllTextAsync(meta, cancellationToken));
                }
                catch (JsonException)
                {
                    // Unreadable metadata cannot be claimed either: it goes.
                }
                if (info is null || info.SavedAt < savedBefore)
                {
                    File.Delete(meta[..^".json".Length]);
                    File.Delete(meta);
                    removed++;
                }
            }
            // A file without metadata is half of an interrupted save.
            foreach (var orphan in Directory.EnumerateFiles(folder).Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !File.Exists(f + ".json")))
            {
                if (File.GetLastWriteTimeUtc(orphan) < savedBefore.UtcDateTime)
                {
                    File.Delete(orphan);
                }
            }
            if (!Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Directory.Delete(folder);
            }
        }
        return removed;
    }

    /// <summary>A file name that is safe in headers, logs and JSON: no path, no control characters, at most 200 characters.</summary>
    public static string? CleanName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var bare = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string(bare.Where(c => !char.IsControl(c) && c is not ('"' or '\u2028' or '\u2029')).ToArray()).Trim();
        return clean.Length == 0 ? null : clean.Length > 200 ? clean[..200] : clean;
    }

    private string Folder(string conversationId) =>
        Path.Combine(_root, Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(conversationId)))[..32]);
}

public sealed record StoredAttachment(string Id, string Name, string ContentType)
{
    /// <summary>When the file arrived; files from before this was recorded count as old.</summary>
    public DateTimeOffset SavedAt { get; init; }
}
