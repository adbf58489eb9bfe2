using System.Net;
using ChatAdvisor.Web.Portal.Review;

namespace ChatAdvisor.Web.Tests.Portal.Review;

[Collection(ReviewTestGroup.Name)]
public sealed class ReviewTranscriptTests(ReviewFixture fixture)
{
    [Fact]
    public async Task TranscriptShowsEachAnswersModeConfidenceAndCitationsAndTheApplicationAndIsAudited()
    {
        var (response, html) = await fixture.Recruiter.GetAsync(ReviewFixture.TranscriptPath(fixture.WithCv));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("What does an MLOps engineer do?", html, StringComparison.Ordinal);
        Assert.Matches(@"Mode: <strong>extractive</strong> · confidence <strong>[01]\.\d\d</strong>", html);
        Assert.Matches(@"<ul class=""citations"">\s*<li><code>mlops-engineer[^<#]*#[^<]+</code></li>", html);
        Assert.Matches("Visitor: rated not helpful[^<]*Too &lt;vague&gt;</div>", html);
        Assert.Contains($"<td data-label=\"Reference\">{fixture.Reference}</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"Candidate\">Grace Hopper</td>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:grace@example.com\">grace@example.com</a>", html, StringComparison.Ordinal);
        Assert.Matches("<td data-label=\"Location\">(–|&#x2013;)</td>", html);
        Assert.Contains("<td data-label=\"Notice period\">3 months</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td data-label=\"File\">my cv (final).pdf</td>", html, StringComparison.Ordinal);
        Assert.Matches(@"<ol class=""sources"" aria-label=""Sources"">\s*<li id=""m\d+-source-1"" value=""1"">[^<]*guide[^<]*</li>", html);
        Assert.DoesNotContain("cite:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("an AI assistant</strong>, not a person", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/portal/cv/{fixture.Reference}\"", html, StringComparison.Ordinal);
        Assert.Contains(await fixture.AuditAsync(ReviewAuditActions.View), e => e.Subject == fixture.WithCv);
    }

    [Fact]
    public async Task DeclinedAnswerIsShownAsDeclined()
    {
        var (_, html) = await fixture.Recruiter.GetAsync(ReviewFixture.TranscriptPath(fixture.Unanswered));

        Assert.Contains("Mode: <strong>declined</strong>", html, StringComparison.Ordinal);
        Assert.Contains("No CV was sent in this conversation.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CvDownloadReturnsTheExactBytesAsASafelyNamedAttachmentAndIsAudited()
    {
        var before = (await fixture.AuditAsync(ReviewAuditActions.CvDownload)).Count;

        using var response = await fixture.Recruiter.Http.GetAsync($"/portal/cv/{fixture.Reference.ToLowerInvariant()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReviewFixture.CvBytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("my_cv_final.pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        var audit = await fixture.AuditAsync(ReviewAuditActions.CvDownload);
        Assert.Equal(before + 1, audit.Count);
        Assert.Equal(fixture.Reference, audit[^1].Subject);
    }

    [Fact]
    public async Task TagsAndNotesAreAddedRemovedAndShownEncoded()
    {
        var path = ReviewFixture.TranscriptPath(fixture.WithCv);

        PortalSession.AssertRedirect(await PostAsync(path, "AddTag", ("tag", "  strong   candidate ")), path + "#tags");
        PortalSession.AssertRedirect(await PostAsync(path, "AddTag", ("tag", "call back")), path + "#tags");
        PortalSession.AssertRedirect(await PostAsync(path, "RemoveTag", ("tag", "call back")), path + "#tags");
        PortalSession.AssertRedirect(await PostAsync(path, "AddNote", ("text", "Phoned <b>Grace</b> & left a message")), path + "#notes");
        var refused = await PostAsync(path, "AddTag", ("tag", new string('x', 51)));
        var (_, html) = await fixture.Recruiter.GetAsync(path);

        Assert.Contains("A tag is 1 to 50 characters.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<li class=\"tag\">strong candidate", html, StringComparison.Ordinal);
        Assert.DoesNotContain("call back", html, StringComparison.Ordinal);
        Assert.Contains("Phoned &lt;b&gt;Grace&lt;/b&gt; &amp; left a message", html, StringComparison.Ordinal);
        Assert.Contains("recruiter@example.com, ", html, StringComparison.Ordinal);
        Assert.Equal(2, (await fixture.AuditAsync(ReviewAuditActions.TagAdded)).Count(e => e.Subject == fixture.WithCv));
        Assert.Contains(await fixture.AuditAsync(ReviewAuditActions.NoteAdded), e => e.Subject == fixture.WithCv);
    }

    [Fact]
    public async Task UnknownConversationsAndReferencesAreNotFound()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Recruiter.GetAsync(ReviewFixture.TranscriptPath("no-such-conversation"))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Recruiter.GetAsync("/portal/cv/CV-AAAA-AAAA")).Response.StatusCode);
        var addTag = await ReviewFixture.PostAsync(fixture.Recruiter, ReviewFixture.TranscriptPath(fixture.WithCv),
            ReviewFixture.TranscriptPath("no-such-conversation") + "?handler=AddTag", [new("tag", "x")]);
        Assert.Equal(HttpStatusCode.NotFound, addTag.StatusCode);
    }

    private Task<HttpResponseMessage> PostAsync(string path, string handler, (string Name, string Value) field) =>
        ReviewFixture.PostAsync(fixture.Recruiter, path, $"{path}?handler={handler}", [new(field.Name, field.Value)]);
}
