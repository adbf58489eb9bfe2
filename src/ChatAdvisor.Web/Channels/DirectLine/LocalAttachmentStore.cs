using ChatAdvisor.Web.Bot;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Channels.DirectLine;

/// <summary>
/// Uploads on local disk under one folder per conversation: each file beside a <c>.json</c> sidecar holding its
/// name, type and arrival time. The default; a single instance only, since other instances cannot see this disk.
/// </summary>
public sealed class LocalAttachmentStore(IOptions<DirectLineOptions> options, IHostEnvironment environment, TimeProvider time) : IAttachmentStore
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

    public async Task<(StoredAttachment Info, Stream Content)?> OpenAsync(string conversationId, string attachmentId, CancellationToken cancellationToken)
    {
        if (!AttachmentNames.IsId(attachmentId))
        {
            return null;
        }
        var path = Path.Combine(Folder(conversationId), attachmentId);
        if (!File.Exists(path) || !File.Exists(path + ".json"))
        {
            return null;
        }
        var info = JsonSerializer.Deserialize<StoredAttachment>(await File.ReadAllTextAsync(path + ".json", cancellationToken));
        if (info is null)
        {
            return null;
        }
        try
        {
            return (info, new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
        }
        catch (FileNotFoundException)
        {
            return null; // taken by another turn in between
        }
    }

    public Task DeleteAsync(string conversationId, string attachmentId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (AttachmentNames.IsId(attachmentId))
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

    private string Folder(string conversationId) => Path.Combine(_root, AttachmentNames.Folder(conversationId));
}
