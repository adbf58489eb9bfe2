using System.Text;

namespace ChatAdvisor.Core.Tests.Review;

/// <summary>A strict RFC 4180 reader for checking the export: CRLF ends a record, a bare line feed is content.</summary>
internal static class CsvRecords
{
    public static List<List<string>> Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                Assert.False(c is '"' or '\n' or '\r', $"Unquoted {(int)c} at {i}");
                field.Append(c);
            }
        }
        Assert.False(quoted, "Unterminated quoted field");
        Assert.True(field.Length == 0 && record.Count == 0, "The last record does not end with CRLF");
        return records;
    }
}
