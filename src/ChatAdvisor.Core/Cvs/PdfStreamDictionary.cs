namespace ChatAdvisor.Cvs;

/// <summary>
/// The few entries of a stream's dictionary the PDF check needs: a direct <c>/Length</c>, whether it is an object
/// stream (<c>/Type /ObjStm</c>, or a <c>/First</c> key, which only object streams have and which readers rely on
/// even when <c>/Type</c> is missing), <c>/First</c>, <c>/N</c>, the filters and whether a predictor is applied.
/// </summary>
internal sealed record PdfStreamDictionary(bool IsObjectStream, long? Length, long? First, long? Count, IReadOnlyList<string> Filters, bool HasPredictor)
{
    public static PdfStreamDictionary Empty { get; } = new(false, null, null, null, [], false);

    public static PdfStreamDictionary Read(ReadOnlySpan<byte> dictionary)
    {
        var tokens = new PdfTokenizer(dictionary);
        if (tokens.Next().Kind != PdfTokenKind.DictOpen)
        {
            return Empty;
        }
        string? type = null;
        bool hasFirst = false, hasPredictor = false;
        long? length = null, first = null, count = null;
        var filters = new List<string>();
        while (true)
        {
            var key = tokens.Next();
            if (key.Kind is PdfTokenKind.End or PdfTokenKind.DictClose)
            {
                break;
            }
            if (key.Kind != PdfTokenKind.Name)
            {
                continue;
            }
            var name = PdfTokenizer.DecodeName(tokens.Bytes(key));
            hasFirst |= name == "First";
            var value = tokens.Next();
            switch (name)
            {
                case "Type" when value.Kind == PdfTokenKind.Name:
                    type = PdfTokenizer.DecodeName(tokens.Bytes(value));
                    break;
                case "Length":
                    length = DirectInteger(ref tokens, value);
                    break;
                case "First":
                    first = DirectInteger(ref tokens, value);
                    break;
                case "N":
                    count = DirectInteger(ref tokens, value);
                    break;
                case "Filter" or "DecodeParms":
                    hasPredictor |= ReadValue(ref tokens, value, name == "Filter" ? filters : null);
                    break;
                default:
                    ReadValue(ref tokens, value, null);
                    break;
            }
        }
        return new(type == "ObjStm" || hasFirst, length, first, count, filters, hasPredictor);
    }

    /// <summary>An integer token as a number, or null when it is not one or is the start of an indirect reference.</summary>
    internal static long? Integer(ReadOnlySpan<byte> word)
    {
        if (word.IsEmpty || word.Length > 12)
        {
            return null;
        }
        long value = 0;
        foreach (var digit in word)
        {
            if (!char.IsAsciiDigit((char)digit))
            {
                return null;
            }
            value = (value * 10) + (digit - '0');
        }
        return value;
    }

    private static long? DirectInteger(ref PdfTokenizer tokens, PdfToken value)
    {
        var number = value.Kind == PdfTokenKind.Word ? Integer(tokens.Bytes(value)) : null;
        if (number is null)
        {
            ReadValue(ref tokens, value, null);
            return null;
        }
        var resume = tokens.Position;
        var generation = tokens.Next();
        var keyword = tokens.Next();
        if (generation.Kind == PdfTokenKind.Word && Integer(tokens.Bytes(generation)) is not null
            && keyword.Kind == PdfTokenKind.Word && tokens.Bytes(keyword).SequenceEqual("R"u8))
        {
            return null; // indirect: the value lives in another object
        }
        tokens.Position = resume;
        return number;
    }

    /// <summary>Skips a value (reading into nested arrays and dictionaries), collecting names and noticing a /Predictor above 1.</summary>
    private static bool ReadValue(ref PdfTokenizer tokens, PdfToken value, List<string>? names)
    {
        var depth = value.Kind is PdfTokenKind.DictOpen or PdfTokenKind.ArrayOpen ? 1 : 0;
        var token = value;
        var predictor = false;
        var afterPredictor = false;
        while (true)
        {
            if (token.Kind == PdfTokenKind.Name)
            {
                var name = PdfTokenizer.DecodeName(tokens.Bytes(token));
                names?.Add(name);
                afterPredictor = name == "Predictor";
            }
            else
            {
                predictor |= afterPredictor && token.Kind == PdfTokenKind.Word && Integer(tokens.Bytes(token)) is > 1;
                afterPredictor = false;
            }
            if (depth == 0)
            {
                return predictor;
            }
            token = tokens.Next();
            if (token.Kind == PdfTokenKind.End)
            {
                return predictor;
            }
            depth += token.Kind switch
            {
                PdfTokenKind.DictOpen or PdfTokenKind.ArrayOpen => 1,
                PdfTokenKind.DictClose or PdfTokenKind.ArrayClose => -1,
                _ => 0,
            };
        }
    }
}
