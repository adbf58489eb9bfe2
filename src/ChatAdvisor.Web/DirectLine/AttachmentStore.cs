using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.DirectLine;

/// <summary>Files uploaded through Direct Line, on local disk under one folder per conversation.</summary>
public sealed class AttachmentStore(IOptions<DirectLineOptions> options, IHostEnvironment environment)
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
            JsonSerializer.Serialize(new StoredAttachment(id, name, contentType)), cancellationToken);
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

    private string Folder(string conversationId) =>
        Path.Combine(_root, Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(conversationId)))[..32]);
}

public sealed record StoredAttachment(string Id, string Name, string ContentType);
