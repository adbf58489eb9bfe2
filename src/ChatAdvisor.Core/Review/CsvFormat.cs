using System.Buffers;
using System.Text;

namespace ChatAdvisor.Review;

/// <summary>RFC 4180 records (CRLF line ends, quoted where needed) that spreadsheets open safely.</summary>
internal static class CsvFormat
{
    private static readonly SearchValues<char> s_needsQuotes = SearchValues.Create(",\"\r\n");

    /// <summary>A record of the fields, ending with CRLF.</summary>
    public static string Record(IEnumerable<string?> fields)
    {
        var line = new StringBuilder();
        foreach (var field in fields)
        {
            if (line.Length > 0)
            {
                line.Append(',');
            }
            line.Append(Field(field));
        }
        return line.Append("\r\n").ToString();
    }

    /// <summary>
    /// One field: a value a spreadsheet would run as a formula (starting with <c>= + - @</c>, tab or carriage return) is
    /// prefixed with a single quote; a value with a comma, quote or line break is quoted, its quotes doubled.
    /// </summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.AsSpan().IndexOfAny(s_needsQuotes) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
