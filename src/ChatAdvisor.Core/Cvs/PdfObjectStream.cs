using System.IO.Compression;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Decodes a PDF object stream (ISO 32000-1 §7.5.7) so its objects can be searched. Only Flate is decoded, as every
/// writer of object streams uses it. A filter other than Flate, a predictor, damaged data or data past the budget
/// leaves objects we cannot see but a reader might still run, so the caller refuses the file rather than passing
/// it unchecked.
/// </summary>
internal static class PdfObjectStream
{
    /// <summary>The most bytes all object streams of one file may inflate to; a CV's come to a few hundred KB.</summary>
    internal const long MaxInflatedBytes = 32L * 1024 * 1024;

    /// <returns>The decoded stream, or null when it cannot be decoded within the budget.</returns>
    public static byte[]? Decode(ReadOnlySpan<byte> data, PdfStreamDictionary dictionary, ref long inflated, CancellationToken cancellationToken)
    {
        if (dictionary.HasPredictor || dictionary.Filters.Any(filter => filter is not ("FlateDecode" or "Fl")))
        {
            return null;
        }
        var content = data.ToArray();
        foreach (var _ in dictionary.Filters)
        {
            if (Inflate(content, ref inflated, cancellationToken) is not { } decoded)
            {
                return null;
            }
            content = decoded;
        }
        return content;
    }

    /// <summary>Where each object of an object stream starts and ends, from its header of number/offset pairs; none if the header is unsound.</summary>
    public static List<(long Number, int From, int To)> Slices(byte[] content, int first, long count)
    {
        var header = new PdfTokenizer(content.AsSpan(0, first));
        var pairs = new List<(long Number, long Offset)>();
        while (pairs.Count < count)
        {
            var numberToken = header.Next();
            var offsetToken = header.Next();
            if (PdfStreamDictionary.Integer(header.Bytes(numberToken)) is not { } number
                || PdfStreamDictionary.Integer(header.Bytes(offsetToken)) is not { } offset || offset > content.Length - first)
            {
                return [];
            }
            pairs.Add((number, offset));
        }
        pairs.Sort((left, right) => left.Offset.CompareTo(right.Offset));
        var slices = new List<(long Number, int From, int To)>(pairs.Count);
        for (var index = 0; index < pairs.Count; index++)
        {
            var to = index + 1 < pairs.Count ? first + pairs[index + 1].Offset : content.Length;
            slices.Add((pairs[index].Number, first + (int)pairs[index].Offset, (int)to));
        }
        return slices;
    }

    private static byte[]? Inflate(byte[] compressed, ref long inflated, CancellationToken cancellationToken)
    {
        try
        {
            using var zlib = new ZLibStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81_920];
            int read;
            while ((read = zlib.Read(buffer)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                inflated += read;
                if (inflated > MaxInflatedBytes)
                {
                    return null;
                }
                output.Write(buffer, 0, read);
            }
            return output.ToArray();
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            return null;
        }
    }
}

