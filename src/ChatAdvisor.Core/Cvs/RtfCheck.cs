using System.Text;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Checks an RTF document (Word opens anything starting with <c>{\rt</c> as RTF). Refused: any control word that
/// starts with <c>obj</c> (<c>\object</c>, <c>\objdata</c>, <c>\objemb</c>, <c>\objlink</c>, <c>\objautlink</c>,
/// <c>\objocx</c>, <c>\objupdate</c>…, also behind <c>\*</c> and in any letter case), field instructions that
/// <see cref="FieldInstruction"/> refuses, and a <c>\template</c> on the network. Text inside field instructions is
/// rebuilt from <c>\'hh</c> escapes, <c>\uN</c> characters and split groups before it is judged, and <c>\binN</c>
/// data is skipped as a reader skips it.
/// </summary>
internal static class RtfCheck
{
    private const int MaxCapturedCharacters = 8_192;
    private const int MaxNestedCaptures = 8;

    public static CvInspection Inspect(ReadOnlySpan<byte> rtf)
    {
        var finding = Scan(rtf);
        return finding == ActiveContent.None ? CvInspection.Accept(CvFileType.Rtf) : CvInspection.Refuse(finding, CvFileType.Rtf);
    }

    private static ActiveContent Scan(ReadOnlySpan<byte> rtf)
    {
        var captures = new List<Capture>();
        var depth = 0;
        var fallbackToSkip = 0;
        var fallbackLength = 1;
        var index = 0;
        while (index < rtf.Length)
        {
            var value = rtf[index];
            if (value == '{' || value == '}')
            {
                depth += value == '{' ? 1 : -1;
                index++;
                if (value == '}' && captures.Count > 0 && depth < captures[^1].Depth)
                {
                    var finding = captures[^1].Judge();
                    captures.RemoveAt(captures.Count - 1);
                    if (finding != ActiveContent.None)
                    {
                        return finding;
                    }
                }
                continue;
            }
            if (value != '\\' || index + 1 >= rtf.Length)
            {
                AppendText(captures, (char)value, ref fallbackToSkip);
                index++;
                continue;
            }
            var next = rtf[index + 1];
            if (next == '\'')
            {
                if (index + 3 < rtf.Length && char.IsAsciiHexDigit((char)rtf[index + 2]) && char.IsAsciiHexDigit((char)rtf[index + 3]))
                {
                    AppendText(captures, (char)Convert.ToByte(Encoding.ASCII.GetString(rtf.Slice(index + 2, 2)), 16), ref fallbackToSkip);
                }
                index += 4;
                continue;
            }
            if (!char.IsAsciiLetter((char)next))
            {
                if (next is (byte)'\\' or (byte)'{' or (byte)'}')
                {
                    AppendText(captures, (char)next, ref fallbackToSkip);
                }
                index += 2;
                continue;
            }
            var (word, parameter, length) = ReadControlWord(rtf[(index + 1)..]);
            index += 1 + length;
            if (word.StartsWith("obj", StringComparison.OrdinalIgnoreCase))
            {
                return ActiveContent.EmbeddedObject;
            }
            switch (word)
            {
                case "bin" when parameter is > 0 and { } skipped:
                    index += (int)Math.Min(skipped, rtf.Length - index);
                    break;
                case "fldinst" or "template" when captures.Count < MaxNestedCaptures:
                    captures.Add(new Capture(word == "template", depth));
                    break;
                case "uc":
                    fallbackLength = (int)Math.Clamp(parameter ?? 1, 0, 16);
                    break;
                case "u" when parameter is { } code:
                    AppendText(captures, (char)(short)code, ref fallbackToSkip);
                    fallbackToSkip = fallbackLength;
                    break;
                case "par" or "line" or "tab":
                    AppendText(captures, ' ', ref fallbackToSkip);
                    break;
            }
        }
        foreach (var capture in captures)
        {
            if (capture.Judge() is var finding and not ActiveContent.None)
            {
                return finding;
            }
        }
        return ActiveContent.None;
    }

    /// <summary>A control word after its backslash: letters, an optional signed number, and the one space that may end it.</summary>
    private static (string Word, long? Parameter, int Length) ReadControlWord(ReadOnlySpan<byte> text)
    {
        var letters = 0;
        while (letters < text.Length && char.IsAsciiLetter((char)text[letters]))
        {
            letters++;
        }
        var word = Encoding.ASCII.GetString(text[..letters]);
        var at = letters;
        var negative = at < text.Length && text[at] == '-';
        at += negative ? 1 : 0;
        long? parameter = null;
        while (at < text.Length && char.IsAsciiDigit((char)text[at]))
        {
            parameter = Math.Min(((parameter ?? 0) * 10) + (text[at] - '0'), int.MaxValue);
            at++;
        }
        parameter = negative ? -parameter : parameter;
        at += at < text.Length && text[at] == ' ' ? 1 : 0;
        return (word, parameter, at);
    }

    private static void AppendText(List<Capture> captures, char character, ref int fallbackToSkip)
    {
        if (fallbackToSkip > 0)
        {
            fallbackToSkip--;
            return;
        }
        if (character is '\r' or '\n')
        {
            return;
        }
        foreach (var capture in captures)
        {
            capture.Append(character);
        }
    }

    /// <summary>The text of a field instruction or template destination, collected until its group closes.</summary>
    private sealed class Capture(bool isTemplate, int depth)
    {
        private readonly StringBuilder _text = new();

        public int Depth { get; } = depth;

        public void Append(char character)
        {
            if (_text.Length < MaxCapturedCharacters)
            {
                _text.Append(character);
            }
        }

        public ActiveContent Judge() =>
            !isTemplate ? FieldInstruction.Judge(_text.ToString())
            : RemoteTarget.IsRemote(_text.ToString()) ? ActiveContent.RemoteContent
            : ActiveContent.None;
    }
}
