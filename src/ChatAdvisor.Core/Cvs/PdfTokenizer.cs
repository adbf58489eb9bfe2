using System.Text;

namespace ChatAdvisor.Cvs;

internal enum PdfTokenKind { End, Name, Word, DictOpen, DictClose, ArrayOpen, ArrayClose, String, HexString, BadHex, Comment, Stray }

internal readonly record struct PdfToken(PdfTokenKind Kind, int Start, int Length);

/// <summary>
/// Splits PDF syntax (ISO 32000-1 §7.2) into tokens without building objects. It never throws and never goes back:
/// a literal string that does not close, or a <c>&lt;</c> that does not start a valid hex string, becomes a one-byte
/// <see cref="PdfTokenKind.Stray"/> or <see cref="PdfTokenKind.BadHex"/> token and lexing goes on after it, so an
/// unbalanced parenthesis cannot hide the rest of the file from the checks. The bytes scanned in vain for a closing
/// parenthesis are budgeted (twice the input, at least 1 MB); past the budget every <c>(</c> is a stray byte, which
/// costs precision, never safety: string contents are then checked like the rest.
/// </summary>
internal ref struct PdfTokenizer
{
    private readonly ReadOnlySpan<byte> _text;
    private long _failedStringBudget;

    public PdfTokenizer(ReadOnlySpan<byte> text)
    {
        _text = text;
        _failedStringBudget = Math.Max(1024 * 1024, 2L * text.Length);
    }

    public int Position { get; set; }

    public PdfToken Next()
    {
        while (Position < _text.Length && IsWhitespace(_text[Position]))
        {
            Position++;
        }
        if (Position >= _text.Length)
        {
            return new(PdfTokenKind.End, _text.Length, 0);
        }
        var start = Position;
        switch (_text[start])
        {
            case (byte)'%':
                var lineEnd = _text[start..].IndexOfAny((byte)'\r', (byte)'\n');
                Position = lineEnd < 0 ? _text.Length : start + lineEnd;
                return new(PdfTokenKind.Comment, start, Position - start);
            case (byte)'/':
                Position++;
                while (Position < _text.Length && IsRegular(_text[Position]))
                {
                    Position++;
                }
                return new(PdfTokenKind.Name, start, Position - start);
            case (byte)'(':
                return LiteralString(start);
            case (byte)'<':
                return start + 1 < _text.Length && _text[start + 1] == '<' ? Take(PdfTokenKind.DictOpen, 2) : HexString(start);
            case (byte)'>':
                return start + 1 < _text.Length && _text[start + 1] == '>' ? Take(PdfTokenKind.DictClose, 2) : Take(PdfTokenKind.Stray, 1);
            case (byte)'[':
                return Take(PdfTokenKind.ArrayOpen, 1);
            case (byte)']':
                return Take(PdfTokenKind.ArrayClose, 1);
            case (byte)')' or (byte)'{' or (byte)'}':
                return Take(PdfTokenKind.Stray, 1);
            default:
                while (Position < _text.Length && IsRegular(_text[Position]))
                {
                    Position++;
                }
                return new(PdfTokenKind.Word, start, Position - start);
        }
    }

    public readonly ReadOnlySpan<byte> Bytes(PdfToken token) => _text.Slice(token.Start, token.Length);

    /// <summary>A name's characters with <c>#xx</c> escapes resolved (§7.3.5), without the slash: <c>/J#61vaScript</c> is <c>JavaScript</c>.</summary>
    public static string DecodeName(ReadOnlySpan<byte> name)
    {
        var body = name.IsEmpty || name[0] != '/' ? name : name[1..];
        if (!body.Contains((byte)'#'))
        {
            return Encoding.Latin1.GetString(body);
        }
        var decoded = new StringBuilder(body.Length);
        for (var index = 0; index < body.Length; index++)
        {
            if (body[index] == '#' && index + 2 < body.Length && IsHex(body[index + 1]) && IsHex(body[index + 2]))
            {
                decoded.Append((char)((HexValue(body[index + 1]) << 4) | HexValue(body[index + 2])));
                index += 2;
            }
            else
            {
                decoded.Append((char)body[index]);
            }
        }
        return decoded.ToString();
    }

    /// <summary>The text of a literal or hex string token (escapes and octal codes resolved; UTF-16 with a byte-order mark decoded).</summary>
    public static string DecodeString(ReadOnlySpan<byte> token)
    {
        var bytes = new List<byte>(token.Length);
        if (token.Length >= 2 && token[0] == '<')
        {
            var high = -1;
            foreach (var value in token[1..^1])
            {
                if (!IsHex(value))
                {
                    continue;
                }
                if (high < 0)
                {
                    high = HexValue(value);
                }
                else
                {
                    bytes.Add((byte)((high << 4) | HexValue(value)));
                    high = -1;
                }
            }
        }
        else if (token.Length >= 2)
        {
            DecodeLiteral(token[1..^1], bytes);
        }
        var raw = bytes.ToArray();
        return raw.Length >= 2 && raw[0] == 0xFE && raw[1] == 0xFF ? Encoding.BigEndianUnicode.GetString(raw, 2, raw.Length - 2) : Encoding.Latin1.GetString(raw);
    }

    public static bool IsWhitespace(byte value) => value is 0 or 9 or 10 or 12 or 13 or 32;

    public static bool IsRegular(byte value) =>
        !IsWhitespace(value) && value is not ((byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']'
            or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%');

    private PdfToken Take(PdfTokenKind kind, int length)
    {
        var token = new PdfToken(kind, Position, length);
        Position += length;
        return token;
    }

    private PdfToken LiteralString(int start)
    {
        if (_failedStringBudget > 0)
        {
            var depth = 0;
            for (var index = start; index < _text.Length; index++)
            {
                var value = _text[index];
                if (value == '\\')
                {
                    index++;
                }
                else if (value == '(')
                {
                    depth++;
                }
                else if (value == ')' && --depth == 0)
                {
                    Position = index + 1;
                    return new(PdfTokenKind.String, start, Position - start);
                }
            }
            _failedStringBudget -= _text.Length - start;
        }
        return Take(PdfTokenKind.Stray, 1);
    }

    private PdfToken HexString(int start)
    {
        var index = start + 1;
        while (index < _text.Length && (IsHex(_text[index]) || IsWhitespace(_text[index])))
        {
            index++;
        }
        if (index < _text.Length && _text[index] == '>')
        {
            Position = index + 1;
            return new(PdfTokenKind.HexString, start, Position - start);
        }
        return Take(PdfTokenKind.BadHex, 1);
    }

    private static void DecodeLiteral(ReadOnlySpan<byte> body, List<byte> bytes)
    {
        for (var index = 0; index < body.Length; index++)
        {
            if (body[index] != '\\' || index + 1 >= body.Length)
            {
                bytes.Add(body[index]);
                continue;
            }
            var escaped = body[++index];
            if (escaped is >= (byte)'0' and <= (byte)'7')
            {
                var code = 0;
                var digits = 0;
                while (digits < 3 && index < body.Length && body[index] is >= (byte)'0' and <= (byte)'7')
                {
                    code = (code << 3) | (body[index++] - '0');
                    digits++;
                }
                index--;
                bytes.Add((byte)code);
                continue;
            }
            switch (escaped)
            {
                case (byte)'n': bytes.Add((byte)'\n'); break;
                case (byte)'r': bytes.Add((byte)'\r'); break;
                case (byte)'t': bytes.Add((byte)'\t'); break;
                case (byte)'b': bytes.Add((byte)'\b'); break;
                case (byte)'f': bytes.Add((byte)'\f'); break;
                case (byte)'\r' or (byte)'\n': break; // a line continuation
                default: bytes.Add(escaped); break;
            }
        }
    }

    private static bool IsHex(byte value) => char.IsAsciiHexDigit((char)value);

    private static int HexValue(byte value) => value <= '9' ? value - '0' : (value | 0x20) - 'a' + 10;
}
