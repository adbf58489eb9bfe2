using System.Security.Cryptography;
using System.Text;
using ChatAdvisor.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Short-lived, single-use upload links for channels or files where sending in the chat does not work. The
/// token is a 256-bit random value; the database keeps only its hash.
/// </summary>
public sealed class UploadLinks(IDbContextFactory<ChatAdvisorDb> dbFactory, IOptions<CvDialogOptions> options, TimeProvider time)
{
    public const string PathPrefix = "/cv/upload/";

    public TimeSpan Lifetime => options.Value.UploadLinkLifetime;

    /// <summary>Creates a link for the conversation and returns its path (<c>/cv/upload/{token}</c>).</summary>
    public async Task<string> CreateAsync(string conversationId, string channelId, CancellationToken cancellationToken)
    {
        var token = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.UploadLinks.Add(new UploadLink
        {
            TokenHash = Hash(token),
            ConversationId = conversationId,
            ChannelId = channelId,
            ExpiresAtUnix = (time.GetUtcNow() + options.Value.UploadLinkLifetime).ToUnixTimeSeconds(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return PathPrefix + token;
    }

    /// <summary>The link if it exists, is unused and has not expired; otherwise null.</summary>
    public async Task<UploadLink?> FindUsableAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.UploadLinks.AsNoTracking()
            .SingleOrDefaultAsync(l => l.TokenHash == hash && !l.Used && l.ExpiresAtUnix > now, cancellationToken);
    }

    /// <summary>Marks the link used; false when someone else used it first or it expired meanwhile.</summary>
    public async Task<bool> TryUseAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.UploadLinks.Where(l => l.TokenHash == hash && !l.Used && l.ExpiresAtUnix > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Used, true), cancellationToken) == 1;
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
