using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Scans files with clamd over TCP, using its <c>INSTREAM</c> command. Callers must fail closed: a file whose verdict is
/// <see cref="MalwareVerdict.Unavailable"/> was not scanned and must not be stored. clamd's <c>StreamMaxLength</c> must be
/// at least <see cref="CvOptions.MaxFileBytes"/>, or larger files come back Unavailable.
/// </summary>
public sealed class ClamAvScanner
{
    private const int ChunkBytes = 64 * 1024;
    private const int MaxReplyBytes = 4 * 1024;

    private readonly ClamAvOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ClamAvScanner> _logger;

    public ClamAvScanner(IOptions<CvOptions> options, TimeProvider timeProvider, ILogger<ClamAvScanner> logger)
    {
        _options = options.Value.ClamAv;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>
    /// Sends <paramref name="content"/>, from its current position to its end, to clamd. When
    /// <see cref="ClamAvOptions.Enabled"/> is false this returns <see cref="MalwareVerdict.Clean"/> at once, without
    /// connecting or reading the stream. Connection failures, timeouts (<see cref="ClamAvOptions.Timeout"/>, for the
    /// whole exchange) and clamd errors give <see cref="MalwareVerdict.Unavailable"/>; only the caller's own
    /// cancellation throws.
    /// </summary>
    public async Task<MalwareScan> ScanAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!_options.Enabled)
        {
            return MalwareScan.Clean;
        }
        var reply = await ExchangeAsync("zINSTREAM\0"u8.ToArray(), content, cancellationToken);
        if (reply is null)
        {
            return MalwareScan.Unavailable;
        }
        if (reply == "stream: OK")
        {
            return MalwareScan.Clean;
        }
        if (reply.StartsWith("stream: ", StringComparison.Ordinal) && reply.EndsWith(" FOUND", StringComparison.Ordinal))
        {
            var signature = reply["stream: ".Length..^" FOUND".Length].Trim();
            CvsLog.MalwareFound(_logger, signature);
            return new MalwareScan(MalwareVerdict.Infected, signature);
        }
        CvsLog.ScanFailed(_logger, _options.Host, _options.Port, reply);
        return MalwareScan.Unavailable;
    }

    /// <summary>True when clamd answers <c>PING</c> with <c>PONG</c>. Pings even when scanning is disabled.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken) =>
        await ExchangeAsync("zPING\0"u8.ToArray(), content: null, cancellationToken) == "PONG";

    /// <summary>Sends a command (and the stream, chunked) and returns clamd's reply, or null when that failed.</summary>
    private async Task<string?> ExchangeAsync(byte[] command, Stream? content, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var client = new TcpClient { NoDelay = true };
            await client.ConnectAsync(_options.Host, _options.Port, linked.Token);
            var network = client.GetStream();
            await network.WriteAsync(command, linked.Token);
            if (content is not null)
            {
                await SendChunksAsync(content, network, linked.Token);
            }
            return await ReadReplyAsync(network, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            CvsLog.ScanTimedOut(_logger, _options.Host, _options.Port, _options.Timeout);
            return null;
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            CvsLog.ScanUnreachable(_logger, _options.Host, _options.Port, exception);
            return null;
        }
    }

    /// <summary>INSTREAM framing: each chunk is prefixed by its length (4 bytes, big-endian); a zero length ends the stream.</summary>
    private static async Task SendChunksAsync(Stream content, NetworkStream network, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(sizeof(uint) + ChunkBytes);
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(sizeof(uint), ChunkBytes), cancellationToken)) > 0)
            {
                BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)read);
                await network.WriteAsync(buffer.AsMemory(0, sizeof(uint) + read), cancellationToken);
            }
            BinaryPrimitives.WriteUInt32BigEndian(buffer, 0);
            await network.WriteAsync(buffer.AsMemory(0, sizeof(uint)), cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads up to the NUL that ends a reply to a <c>z</c>-prefixed command (or to the end of the connection).</summary>
    private static async Task<string> ReadReplyAsync(NetworkStream network, CancellationToken cancellationToken)
    {
        var reply = new byte[MaxReplyBytes];
        var length = 0;
        while (length < reply.Length)
        {
            var read = await network.ReadAsync(reply.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }
            var end = Array.IndexOf(reply, (byte)0, length, read);
            length += read;
            if (end >= 0)
            {
                length = end;
                break;
            }
        }
        return Encoding.UTF8.GetString(reply, 0, length).Trim();
    }
}
