using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatAdvisor.Web.Portal.Review;

namespace ChatAdvisor.Web.Tests.Portal.Review;

[Collection(ReviewTestGroup.Name)]
public sealed class ReviewListTests(ReviewFixture fixture)
{
    private const string ListPath = "/portal/conversations";

    [Fact]
    public async Task ListShowsBothConversationsEachLinkingToItsTranscript()
    {
        var (response, html) = await fixture.Recruiter.GetAsync(ListPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("2 conversations found.", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ReviewFixture.TranscriptPath(fixture.WithCv)}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ReviewFixture.TranscriptPath(fixture.Unanswered)}\"", html, StringComparison.Ordinal);
        Assert.Contains(fixture.Reference, html, StringComparison.Ordinal);
        Assert.Contains("Page 1 of 1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TextSearchFindsOnlyTheConversationWithTheWord()
    {
        var (_, html) = await fixture.Recruiter.GetAsync($"{ListPath}?Filter.Text={ReviewFixture.UnansweredWord.ToLowerInvariant()}");

        Assert.Contains("1 conversation found.", html, StringComparison.Ordinal);
        Assert.Contains(ReviewFixture.TranscriptPath(fixture.Unanswered), html, StringComparison.Ordinal);
        Assert.DoesNotContain(ReviewFixture.TranscriptPath(fixture.WithCv), html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{ReviewFixture.UnansweredWord.ToLowerInvariant()}\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public async Task HasCvFilterSeparatesTheConversationWithAnApplication(string hasCv, bool expectApplicant)
    {
        var (_, html) = await fixture.Recruiter.GetAsync($"{ListPath}?Filter.HasCv={hasCv}");

        Assert.Contains("1 conversation found.", html, StringComparison.Ordinal);
        Assert.Equal(expectApplicant, html.Contains(ReviewFixture.TranscriptPath(fixture.WithCv), StringComparison.Ordinal));
        Assert.Equal(!expectApplicant, html.Contains(ReviewFixture.TranscriptPath(fixture.Unanswered), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportCsvOfASelectionHoldsOnlyTheSelectedConversationAndIsAudited()
    {
        var before = (await fixture.AuditAsync(ReviewAuditActions.Export)).Count;

        using var response = await ExportAsync("csv", fixture.Unanswered);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFconversation_id,sequence,time,type,role,text,mode,confidence,citations,feedback,feedback_reason", csv, StringComparison.Ordinal);
        Assert.Contains(ReviewFixture.UnansweredWord, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.WithCv, csv, StringComparison.Ordinal);
        var audit = await fixture.AuditAsync(ReviewAuditActions.Export);
        Assert.Equal(before + 1, audit.Count);
        Assert.Equal("csv 1", audit[^1].Subject);
    }

    [Fact]
    public async Task ExportJsonOfASelectionHoldsEveryActivityOfTheSelectedConversations()
    {
        using var response = await ExportAsync("json", fixture.WithCv, fixture.Unanswered, "guessed-conversation-id");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var rows = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        var ids = rows.Select(r => r!["conversationId"]!.GetValue<string>()).Distinct().ToList();
        Assert.Equal([fixture.WithCv, fixture.Unanswered], ids);
        Assert.Contains(rows, r => r!["mode"]?.GetValue<string>() == "extractive" && r["citations"]!.AsArray().Count > 0);
        Assert.Equal("json 2", (await fixture.AuditAsync(ReviewAuditActions.Export))[^1].Subject);
    }

    [Fact]
    public async Task ExportWithoutASelectionShowsWhatToDo()
    {
        using var response = await ExportAsync("csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Select one or more conversations to export.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> ExportAsync(string format, params string[] ids) =>
        ReviewFixture.PostAsync(fixture.Recruiter, ListPath, ListPath + "?handler=Export",
            [.. ids.Select(id => new KeyValuePair<string, string>("selected", id)), new("format", format)]);
}
