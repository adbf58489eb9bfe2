using System.Text;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Looks through a PDF's syntax for active content. Every name outside strings and stream data is decoded
/// (<c>#xx</c> escapes) and compared with the names of scripts, launch actions, embedded files, XFA forms, rich media
/// and actions that send, fetch or open other files; an <c>/OpenAction</c> or <c>/AA</c> that leads (directly or
/// through one reference) to a <c>/URI</c> action is a link that opens by itself. Object streams are inflated (within
/// <see cref="PdfObjectStream.MaxInflatedBytes"/> for the whole file) and searched the same way, because the
/// catalog, annotations and actions can all live in them. Markup and ZIP signatures in the syntax itself mean a
/// second format.
/// </summary>
internal sealed class PdfScanner
{
    /// <summary>
    /// Names are case-sensitive in PDF and readers match them exactly; the long ones are also matched in any case as
    /// a margin for lenient readers, the two-letter ones only exactly, since font glyph and resource names can be anything.
    /// </summary>
    private static readonly Dictionary<string, ActiveContent> s_exactNames = new(StringComparer.Ordinal)
    {
        ["JS"] = ActiveContent.Script,
        ["EF"] = ActiveContent.EmbeddedFile,
    };

    private static readonly Dictionary<string, ActiveContent> s_activeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["JavaScript"] = ActiveContent.Script,
        ["Launch"] = ActiveContent.Launch,
        ["EmbeddedFile"] = ActiveContent.EmbeddedFile,
        ["EmbeddedFiles"] = ActiveContent.EmbeddedFile,
        ["FileAttachment"] = ActiveContent.EmbeddedFile,
        ["XFA"] = ActiveContent.XfaForm,
        ["RichMedia"] = ActiveContent.RichMedia,
        ["SubmitForm"] = ActiveContent.RemoteAction,
        ["ImportData"] = ActiveContent.RemoteAction,
        ["GoToR"] = ActiveContent.RemoteAction,
        ["GoToE"] = ActiveContent.RemoteAction,
    };

    private readonly byte[] _pdf;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<long> _automaticTargets = [];
    private readonly HashSet<long> _objectsWithUri = [];
    private long _inflated;
    private int _endstreamSearchedFrom = -1;
    private int _endstreamFoundAt = -1;

    private PdfScanner(byte[] pdf, CancellationToken cancellationToken)
    {
        _pdf = pdf;
        _cancellationToken = cancellationToken;
    }

    private enum Automatic { None, AwaitingValue, InDictionary }

    private ActiveContent Finding { get; set; }

    public static ActiveContent Scan(byte[] pdf, CancellationToken cancellationToken)
    {
        var scanner = new PdfScanner(pdf, cancellationToken);
        scanner.ScanRegion(pdf, topLevel: true, objectNumber: -1);
        if (scanner.Finding == ActiveContent.None && scanner._automaticTargets.Overlaps(scanner._objectsWithUri))
        {
            scanner.Finding = ActiveContent.AutomaticLink;
        }
        return scanner.Finding;
    }

    private void ScanRegion(ReadOnlySpan<byte> region, bool topLevel, long objectNumber)
    {
        var tokens = new PdfTokenizer(region);
        long previous = -1, beforePrevious = -1;
        var current = objectNumber;
        var depth = 0;
        var outerDictionaryStart = -1;
        var automatic = Automatic.None;
        var automaticDepth = 0;
        var uriValueNext = false;
        for (var token = tokens.Next(); token.Kind != PdfTokenKind.End && Finding == ActiveContent.None; token = tokens.Next())
        {
            var bytes = tokens.Bytes(token);
            var uriValue = uriValueNext;
            uriValueNext = false;
            long? number = null;
            switch (token.Kind)
            {
                case PdfTokenKind.Name:
                    var name = PdfTokenizer.DecodeName(bytes);
                    if (s_exactNames.TryGetValue(name, out var finding) || s_activeNames.TryGetValue(name, out finding))
                    {
                        Finding = finding;
                    }
                    else if (name == "URI")
                    {
                        if (current >= 0)
                        {
                            _objectsWithUri.Add(current);
                        }
                        Finding = automatic == Automatic.InDictionary ? ActiveContent.AutomaticLink : ActiveContent.None;
                        uriValueNext = true;
                    }
                    automatic = automatic switch
                    {
                        Automatic.None when name is "OpenAction" or "AA" => Automatic.AwaitingValue,
                        Automatic.AwaitingValue => Automatic.None, // a name as the value: not an action
                        _ => automatic,
                    };
                    break;
                case PdfTokenKind.DictOpen:
                    depth++;
                    outerDictionaryStart = depth == 1 ? token.Start : outerDictionaryStart;
                    if (automatic == Automatic.AwaitingValue)
                    {
                        (automatic, automaticDepth) = (Automatic.InDictionary, depth);
                    }
                    break;
                case PdfTokenKind.DictClose:
                    automatic = automatic == Automatic.InDictionary && depth == automaticDepth ? Automatic.None : automatic;
                    depth = Math.Max(0, depth - 1);
                    break;
                case PdfTokenKind.String or PdfTokenKind.HexString:
                    Finding = uriValue ? JudgeUri(PdfTokenizer.DecodeString(bytes)) : ActiveContent.None;
                    automatic = automatic == Automatic.AwaitingValue ? Automatic.None : automatic;
                    break;
                case PdfTokenKind.BadHex:
                    // "<" that opens neither a dictionary nor a hex string: in a PDF's syntax, a tag of another format.
                    var next = token.Start + 1 < region.Length ? (char)region[token.Start + 1] : ' ';
                    Finding = char.IsAsciiLetter(next) || next is '!' or '?' or '/' ? ActiveContent.Polyglot : ActiveContent.None;
                    break;
                case PdfTokenKind.Comment:
                    Finding = HasZipSignature(bytes) || MarkupCheck.ContainsActiveMarkup(Encoding.Latin1.GetString(bytes)) ? ActiveContent.Polyglot : ActiveContent.None;
                    break;
                case PdfTokenKind.Word:
                    number = PdfStreamDictionary.Integer(bytes);
                    if (HasZipSignature(bytes))
                    {
                        Finding = ActiveContent.Polyglot;
                    }
                    else if (bytes.SequenceEqual("obj"u8) && previous >= 0 && beforePrevious >= 0)
                    {
                        (current, depth, automatic) = (beforePrevious, 0, Automatic.None);
                    }
                    else if (bytes.SequenceEqual("endobj"u8))
                    {
                        (current, depth, automatic) = (objectNumber, 0, Automatic.None);
                    }
                    else if (bytes.SequenceEqual("R"u8) && previous >= 0 && beforePrevious >= 0 && automatic != Automatic.None)
                    {
                        _automaticTargets.Add(beforePrevious);
                        automatic = automatic == Automatic.AwaitingValue ? Automatic.None : automatic;
                    }
                    else if (bytes.SequenceEqual("stream"u8) && topLevel)
                    {
                        SkipStream(ref tokens, token, outerDictionaryStart >= 0 ? region[outerDictionaryStart..token.Start] : []);
                        (depth, automatic) = (0, Automatic.None);
                    }
                    else if (number is null && automatic == Automatic.AwaitingValue)
                    {
                        automatic = Automatic.None; // null, true, false: not an action
                    }
                    break;
                default:
                    automatic = automatic == Automatic.AwaitingValue ? Automatic.None : automatic; // an array: a destination, not an action
                    break;
            }
            (beforePrevious, previous) = number is { } value ? (previous, value) : (-1, -1);
        }
    }

    /// <summary>
    /// Moves past a stream's data: to its direct <c>/Length</c> when <c>endstream</c> follows there, else to the
    /// first <c>endstream</c>, which is never later than where a correct reader ends it. Without an
    /// <c>endstream</c> the data is left to be read as syntax, so nothing can hide in a stream that never ends.
    /// </summary>
    private void SkipStream(ref PdfTokenizer tokens, PdfToken keyword, ReadOnlySpan<byte> dictionaryBytes)
    {
        var start = keyword.Start + keyword.Length;
        start += start < _pdf.Length && _pdf[start] == '\r' ? 1 : 0;
        start += start < _pdf.Length && _pdf[start] == '\n' ? 1 : 0;
        var dictionary = PdfStreamDictionary.Read(dictionaryBytes);
        var end = dictionary.Length is { } length && length <= _pdf.Length - start && IsEndstreamAt((int)(start + length))
            ? (int)(start + length)
            : FindEndstream(start);
        if (end < 0)
        {
            return;
        }
        if (dictionary.IsObjectStream)
        {
            ScanObjectStream(start, end - start, dictionary);
        }
        tokens.Position = end;
    }

    private bool IsEndstreamAt(int at)
    {
        while (at < _pdf.Length && PdfTokenizer.IsWhitespace(_pdf[at]))
        {
            at++;
        }
        return _pdf.AsSpan(at).StartsWith("endstream"u8);
    }

    /// <summary>The first <c>endstream</c> at or after <paramref name="from"/>; the last answer is reused so many streams cost one pass.</summary>
    private int FindEndstream(int from)
    {
        if (_endstreamSearchedFrom >= 0 && from >= _endstreamSearchedFrom && (_endstreamFoundAt < 0 || from <= _endstreamFoundAt))
        {
            return _endstreamFoundAt;
        }
        var at = _pdf.AsSpan(from).IndexOf("endstream"u8);
        (_endstreamSearchedFrom, _endstreamFoundAt) = (from, at < 0 ? -1 : from + at);
        return _endstreamFoundAt;
    }

    /// <summary>
    /// Searches a decoded object stream first whole (so no offset trick can split a name between objects), then
    /// object by object to learn which objects are <c>/URI</c> actions. One that cannot be decoded is a finding.
    /// </summary>
    private void ScanObjectStream(int start, int length, PdfStreamDictionary dictionary)
    {
        var content = PdfObjectStream.Decode(_pdf.AsSpan(start, length), dictionary, ref _inflated, _cancellationToken);
        if (content is null)
        {
            Finding = ActiveContent.UncheckableObjectStream;
            return;
        }
        ScanRegion(content, topLevel: false, objectNumber: -1);
        if (Finding == ActiveContent.None && dictionary is { First: { } first, Count: { } count } && first <= content.Length)
        {
            foreach (var (objectNumber, from, to) in PdfObjectStream.Slices(content, (int)first, count))
            {
                ScanRegion(content.AsSpan(from, to - from), topLevel: false, objectNumber);
            }
        }
    }

    /// <summary>A link's target: script and data URLs run code; file and network-share paths open or fetch files.</summary>
    private static ActiveContent JudgeUri(string uri)
    {
        var target = new string([.. uri.Where(character => character > ' ')]);
        return target.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || target.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase)
                || target.StartsWith("data:", StringComparison.OrdinalIgnoreCase) ? ActiveContent.Script
            : target.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || target.StartsWith(@"\\", StringComparison.Ordinal)
                || target.StartsWith("smb:", StringComparison.OrdinalIgnoreCase) ? ActiveContent.RemoteAction
            : ActiveContent.None;
    }

    /// <summary>A ZIP local header, central-directory record or end record: <c>PK</c> and then 1-2, 3-4 or 5-6.</summary>
    private static bool HasZipSignature(ReadOnlySpan<byte> bytes)
    {
        int at;
        while ((at = bytes.IndexOf("PK"u8)) >= 0 && at + 3 < bytes.Length)
        {
            if (bytes[at + 2] is 1 or 3 or 5 && bytes[at + 3] == bytes[at + 2] + 1)
            {
                return true;
            }
            bytes = bytes[(at + 2)..];
        }
        return false;
    }
}
