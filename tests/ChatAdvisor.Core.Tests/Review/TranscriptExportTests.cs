using ChatAdvisor.Core.Tests.Infrastructure;
using System.Text;
using System.Text.Json;
using ChatAdvisor.Review;

namespace ChatAdvisor.Core.Tests.Review;

public abstract class TranscriptExportTests(PortalData data)
{
    private async Task<byte[]> CsvAsync(params string[] ids)
    {
        using var output = new MemoryStream();
        await data.Db.Export.WriteCsvAsync(ids, output, CancellationToken.None);
        return output.ToArray();
    }

    private async Task<JsonElement> JsonAsync(params string[] ids)
    {
        using var output = new MemoryStream();
        await data.Db.Export.WriteJsonAsync(ids, output, CancellationToken.None);
        using var document = JsonDocument.Parse(output.ToArray());
        return document.RootElement.Clone();
    }

    [ProviderFact]
    public async Task CsvIsUtf8WithByteOrderMarkAndOneRecordPerMessage()
    {
        var bytes = await CsvAsync("conv-4", "conv-2", "missing", "conv-4");

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var records = CsvRecords.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(TranscriptExport.CsvColumns, records[0]);
        var rows = records.Skip(1).ToList();
        Assert.All(rows, r => Assert.Equal(TranscriptExport.CsvColumns.Count, r.Count));
        Assert.Equal(["conv-4|1", "conv-4|2", "conv-4|3", "conv-4|4", "conv-4|5", "conv-2|1", "conv-2|2"], rows.Select(r => $"{r[0]}|{r[1]}"));
        Assert.Equal(["2026-03-04T08:00:00.0000000Z", "message", "user", PortalData.LongQuestion], rows[0][2..6]);
    }

    [ProviderFact]
    public async Task CsvQuotesFieldsWithCommasQuotesOrLineBreaksAndDoublesQuotes()
    {
        var bytes = await CsvAsync("conv-4");
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        Assert.Contains("\"Line one, \"\"quoted\"\"\nline two\"", text, StringComparison.Ordinal);
        var rows = CsvRecords.Parse(text).Skip(1).ToList();
        Assert.Equal(PortalData.QuotedLines, rows[3][5]);
        Assert.Equal("machine-learning-engineer#skills; faq#mlops-engineer-vs-ml", rows[1][8]);
    }

    [ProviderFact]
    public async Task CsvNeutralisesSpreadsheetFormulas()
    {
        var bytes = await CsvAsync("conv-4");
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        Assert.Contains("\"'=HYPERLINK(\"\"http://x.test\"\",\"\"click\"\")\"", text, StringComparison.Ordinal);
        var rows = CsvRecords.Parse(text).Skip(1).ToList();
        Assert.Equal("'" + PortalData.Formula, rows[2][5]);
        Assert.Equal("'" + PortalData.SignsAndMention, rows[4][5]);
    }

    [ProviderFact]
    public async Task CsvRowsCarryAnswerModeConfidenceAndFeedback()
    {
        var bytes = await CsvAsync("conv-2", "conv-1");
        var rows = CsvRecords.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)).Skip(1).ToList();

        Assert.Equal(["declined", "0.2", "", "not helpful", "I need visa info"], rows[1][6..]);
        Assert.Equal(["extractive", "0.85", "mlops-engineer#salary", "helpful", ""], rows[3][6..]);
        Assert.Equal(["", "", "", "", ""], rows[0][6..]);
        Assert.Equal(["conv-1|1", "conv-1|2", "conv-1|4"], rows.Skip(2).Select(r => $"{r[0]}|{r[1]}"));
    }

    [ProviderFact]
    public async Task JsonIsAnArrayOfMessageObjects()
    {
        var array = await JsonAsync("conv-1");

        Assert.Equal(JsonValueKind.Array, array.ValueKind);
        Assert.Equal(3, array.GetArrayLength());
        var answer = array[1];
        Assert.Equal(
            ["conversationId", "sequence", "time", "type", "role", "text", "mode", "confidence", "citations", "feedback"],
            answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal("conv-1", answer.GetProperty("conversationId").GetString());
        Assert.Equal(2, answer.GetProperty("sequence").GetInt64());
        Assert.Equal("2026-03-01T09:01:00.0000000Z", answer.GetProperty("time").GetString());
        Assert.Equal("bot", answer.GetProperty("role").GetString());
        Assert.Equal("extractive", answer.GetProperty("mode").GetString());
        Assert.Equal(0.85, answer.GetProperty("confidence").GetDouble());
        Assert.Equal(["mlops-engineer#salary"], answer.GetProperty("citations").EnumerateArray().Select(c => c.GetString()));
        Assert.True(answer.GetProperty("feedback").GetProperty("helpful").GetBoolean());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("feedback").GetProperty("reason").ValueKind);
    }

    [ProviderFact]
    public async Task JsonWritesNullsForWhatAMessageDoesNotHave()
    {
        var array = await JsonAsync("conv-1");

        var question = array[0];
        Assert.Equal("message", question.GetProperty("type").GetString());
        foreach (var name in (string[])["mode", "confidence", "feedback"])
        {
            Assert.Equal(JsonValueKind.Null, question.GetProperty(name).ValueKind);
        }
        Assert.Equal(0, question.GetProperty("citations").GetArrayLength());
    }

    [ProviderFact]
    public async Task JsonKeepsTheRequestedOrderAndSkipsUnknownIds()
    {
        var array = await JsonAsync("conv-2", "missing", "conv-3", "conv-2");

        Assert.Equal(["conv-2", "conv-2", "conv-3", "conv-3"], array.EnumerateArray().Select(o => o.GetProperty("conversationId").GetString()));
        Assert.Equal("I need visa info", array[1].GetProperty("feedback").GetProperty("reason").GetString());
        Assert.Equal(0, (await JsonAsync("missing")).GetArrayLength());
    }
}

public sealed class TranscriptExportOnSqliteTests(PortalData.Sqlite data) : TranscriptExportTests(data), IClassFixture<PortalData.Sqlite>;

public sealed class TranscriptExportOnPostgresTests(PortalData.Postgres data) : TranscriptExportTests(data), IClassFixture<PortalData.Postgres>, IPostgresTests;
