using System.Buffers;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Decides whether an uploaded file is a CV we accept, and of which <see cref="CvFileType"/>, from its bytes alone:
/// the name and the declared content type are never trusted (a PDF named <c>cv.docx</c> is a PDF; a program named
/// <c>cv.pdf</c> is refused). Password-protected, macro-enabled, damaged, oversized and zip-bomb files are refused with
/// a sentence for the candidate (<see cref="CvProblems"/>), and so are files with active content: scripts, launch
/// actions, embedded files and objects, remote templates, markup posing as text, and files that are two formats at
/// once (<see cref="ActiveContent"/>). The file is read into memory, at most <see cref="CvOptions.MaxFileBytes"/> + 1
/// bytes of it, so the limit also bounds the memory used.
/// </summary>
public sealed class CvFileInspector
{
    private static ReadOnlySpan<byte> PdfHeader => "%PDF-"u8;
    private static ReadOnlySpan<byte> ZipHeader => [0x50, 0x4B, 0x03, 0x04];
    private static ReadOnlySpan<byte> CompoundFileHeader => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    /// <summary>Word opens anything that starts like this as RTF, whatever follows.</summary>
    private static ReadOnlySpan<byte> RtfHeader => @"{\rt"u8;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>PDF readers look this far into a file for <c>%PDF-</c>.</summary>
    private const int PdfHeaderWindow = 1024;

    private readonly CvOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<CvFileInspector> _logger;

    public CvFileInspector(IOptions<CvOptions> options, TimeProvider timeProvider, ILogger<CvFileInspector> logger)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>
    /// Inspects <paramref name="content"/> from its current position to its end. A seekable stream is put back where
    /// it was, so the caller can scan and store the same stream afterwards.
    /// </summary>
    /// <param name="content">The uploaded bytes.</param>
    /// <param name="fileName">The name the candidate gave; used only to word the message when the content is not what the name says.</param>
    /// <param name="cancellationToken">Stops reading the stream.</param>
    public async Task<CvInspection> InspectAsync(Stream content, string fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var started = _timeProvider.GetTimestamp();
        var maxBytes = Math.Clamp(_options.MaxFileBytes, 1, Array.MaxLength - 1);
        var start = content.CanSeek ? content.Position : 0;
        CvInspection inspection;
        if (content.CanSeek && content.Length - start > maxBytes)
        {
            inspection = CvInspection.Reject(CvProblems.TooLarge(maxBytes));
        }
        else
        {
            try
            {
                var data = await ReadAtMostAsync(content, maxBytes + 1, cancellationToken);
                inspection = data.Length > maxBytes
                    ? CvInspection.Reject(CvProblems.TooLarge(maxBytes))
                    : Inspect(data, fileName, cancellationToken);
            }
            finally
            {
                if (content.CanSeek)
                {
                    content.Position = start;
                }
            }
        }

        var elapsedMs = (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds;
        if (inspection.IsAccepted)
        {
            CvsLog.FileAccepted(_logger, inspection.Type, elapsedMs);
        }
        else
        {
            if (inspection.Finding != ActiveContent.None)
            {
                CvsLog.ActiveContentRefused(_logger, inspection.Finding, inspection.Type);
            }
            CvsLog.FileRejected(_logger, inspection.Type, inspection.Problem, elapsedMs);
        }
        return inspection;
    }

    /// <summary>Judges bytes already in memory; the size limit is the caller's business.</summary>
    internal static CvInspection Inspect(byte[] data, string? fileName, CancellationToken cancellationToken)
    {
        var span = data.AsSpan();
        if (span.IsEmpty)
        {
            return CvInspection.Reject(CvProblems.Empty);
        }
        if (span.StartsWith(PdfHeader))
        {
            return PdfCheck.Inspect(data, cancellationToken);
        }
        if (span[..Math.Min(span.Length, PdfHeaderWindow)].IndexOf(PdfHeader) >= 0)
        {
            // Not a PDF at its start, yet a PDF reader would open it as one: two formats in one file.
            return CvInspection.Refuse(ActiveContent.Polyglot, CvFileType.Unknown);
        }
        var inspection = span.StartsWith(ZipHeader) ? ZipPackageCheck.Inspect(data, cancellationToken).Inspection
            : span.StartsWith(CompoundFileHeader) ? CompoundFileCheck.Inspect(data)
            : StartsAsRtf(span) ? RtfCheck.Inspect(span)
            : TextCheck.Inspect(span);
        return inspection ?? Unsupported(fileName);
    }

    private static bool StartsAsRtf(ReadOnlySpan<byte> span)
    {
        var body = span.StartsWith(Utf8Bom) ? span[Utf8Bom.Length..] : span;
        return body.TrimStart(" \t\r\n"u8).StartsWith(RtfHeader);
    }

    private static CvInspection Unsupported(string? fileName)
    {
        var claimed = CvFileTypes.FromFileName(fileName);
        return CvInspection.Reject(claimed == CvFileType.Unknown ? CvProblems.UnsupportedType : CvProblems.NotWhatItsNameSays(claimed));
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        var expected = content.CanSeek ? Math.Min(limit, Math.Max(0, content.Length - content.Position)) : 0;
        using var buffer = new MemoryStream((int)expected);
        var chunk = ArrayPool<byte>.Shared.Rent(81_920);
        try
        {
            while (buffer.Length < limit)
            {
                var wanted = (int)Math.Min(chunk.Length, limit - buffer.Length);
                var read = await content.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken);
                if (read == 0)
                {
                    break;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        Debug.Assert(buffer.Length <= limit);
        return buffer.ToArray();
    }
}
