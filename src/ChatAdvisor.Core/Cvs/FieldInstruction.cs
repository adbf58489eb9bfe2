using System.Globalization;
using System.Text;

namespace ChatAdvisor.Cvs;

/// <summary>
/// Judges a Word field instruction (from RTF <c>\fldinst</c> or DOCX <c>w:instrText</c>/<c>w:fldSimple</c>). DDE
/// fields ask another program for data and have been used to run commands, so they are always refused; <c>LINK</c>
/// is an OLE link; <c>INCLUDEPICTURE</c>, <c>INCLUDETEXT</c>, <c>INCLUDE</c> and <c>IMPORT</c> are refused only when
/// they fetch from the network. <c>HYPERLINK</c> and every other field pass. A <c>QUOTE</c> made of character codes
/// is decoded and judged again, which undoes the usual way of spelling <c>DDEAUTO</c> without writing it.
/// </summary>
internal static class FieldInstruction
{
    public static ActiveContent Judge(string instruction) => Judge(instruction, quoteDepth: 0);

    private static ActiveContent Judge(string instruction, int quoteDepth)
    {
        var words = Split(instruction);
        if (words.Count == 0)
        {
            return ActiveContent.None;
        }
        var keyword = words[0].ToUpperInvariant();
        switch (keyword)
        {
            case "DDE" or "DDEAUTO":
                return ActiveContent.DdeField;
            case "LINK":
                return ActiveContent.EmbeddedObject;
            case "INCLUDEPICTURE" or "INCLUDETEXT" or "INCLUDE" or "IMPORT":
                return words.Skip(1).Any(RemoteTarget.IsRemote) ? ActiveContent.RemoteContent : ActiveContent.None;
            case "QUOTE" when quoteDepth < 2 && words.Count > 1 && words.Skip(1).All(word => int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is > 0 and < 0x10000):
                var decoded = new string([.. words.Skip(1).Select(word => (char)int.Parse(word, CultureInfo.InvariantCulture))]);
                return Judge(decoded, quoteDepth + 1);
            default:
                return ActiveContent.None;
        }
    }

    /// <summary>Words and quoted arguments of a field code; in quotes, <c>\\</c> stands for one backslash. Switches are dropped.</summary>
    private static List<string> Split(string instruction)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        for (var index = 0; index < instruction.Length; index++)
        {
            var character = instruction[index];
            if (character == '"')
            {
                if (quoted || word.Length > 0)
                {
                    Add(words, word, quotedWord: quoted);
                }
                quoted = !quoted;
            }
            else if (quoted && character == '\\' && index + 1 < instruction.Length && instruction[index + 1] == '\\')
            {
                word.Append('\\');
                index++;
            }
            else if (!quoted && char.IsWhiteSpace(character))
            {
                Add(words, word, quotedWord: false);
            }
            else
            {
                word.Append(character);
            }
        }
        Add(words, word, quotedWord: quoted);
        return words;
    }

    private static void Add(List<string> words, StringBuilder word, bool quotedWord)
    {
        if (word.Length > 0 && (quotedWord || !IsSwitch(word)))
        {
            words.Add(word.ToString());
        }
        word.Clear();
    }

    /// <summary>A switch is one backslash and a letter or sign (<c>\d</c>, <c>\*</c>); <c>\\server</c> is a path.</summary>
    private static bool IsSwitch(StringBuilder word) => word[0] == '\\' && (word.Length < 2 || word[1] != '\\');
}
