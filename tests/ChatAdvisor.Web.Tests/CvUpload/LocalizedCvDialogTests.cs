using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatAdvisor.Cvs;
using ChatAdvisor.Data;
using ChatAdvisor.Knowledge;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChatAdvisor.Web.Tests.Infrastructure.MessageTemplates;

namespace ChatAdvisor.Web.Tests.CvUpload;

/// <summary>The CV dialog in the visitor's language over Direct Line: prompts, buttons, natural replies, the notice and the data request.</summary>
public sealed class LocalizedCvDialogTests : IClassFixture<ChatAdvisorAppFixture>
{
    private readonly ChatAdvisorApp _app;

    public LocalizedCvDialogTests(ChatAdvisorAppFixture fixture) => _app = fixture.App;

    private CvText German => CvText.For(_app.Services.GetRequiredService<KnowledgeBase>().Messages("de"));

    private async Task<DirectLineClient> StartGermanAsync()
    {
        var http = _app.CreateClient();
        http.DefaultRequestHeaders.AcceptLanguage.Add(StringWithQualityHeaderValue.Parse("de-DE"));
        var visitor = await DirectLineClient.StartAsync(http);
        await visitor.WaitForBotAsync(t => t.Contains("KI-Assistent", StringComparison.Ordinal));
        return visitor;
    }

    private static string[] Buttons(JsonObject activity) =>
        [.. activity["suggestedActions"]?["actions"]?.AsArray().Select(a => a!["title"]!.GetValue<string>()) ?? []];

    [Fact]
    public async Task AGermanVisitorAppliesInGermanFromConsentToReferenceAndTheConsentRecordsTheGermanNotice()
    {
        var de = German;
        Assert.NotEqual(CvText.English.Agree.Title, de.Agree.Title);
        var visitor = await StartGermanAsync();

        var consent = await visitor.AskAsync("Ich möchte mich bewerben");
        var consentText = DirectLineClient.Text(consent);
        Assert.Contains(Opening(de["cv-consent"]), consentText, StringComparison.Ordinal);
        Assert.Contains("/privacy?lang=de", consentText, StringComparison.Ordinal);
        Assert.Equal([de.Agree.Title, de.Decline.Title], Buttons(consent));

        // Natural German replies pick the options; the English words keep working too.
        Assert.Contains(de["cv-talent-pool"], DirectLineClient.Text(await visitor.AskAsync("Ja, ich stimme zu")), StringComparison.Ordinal);
        Assert.Contains(de["cv-name"], DirectLineClient.Text(await visitor.AskAsync("nein")), StringComparison.Ordinal);
        Assert.Contains(de["cv-email"], DirectLineClient.Text(await visitor.AskAsync("Grete Hoffmann")), StringComparison.Ordinal);
        Assert.Contains(de["cv-roles"], DirectLineClient.Text(await visitor.AskAsync("grete@example.com")), StringComparison.Ordinal);
        var location = await visitor.AskAsync(de.Both.Title.ToLowerInvariant());
        Assert.Contains(de["cv-location"], DirectLineClient.Text(location), StringComparison.Ordinal);
        Assert.Equal([de.Skip.Title], Buttons(location));
        Assert.Contains(de["cv-notice-period"], DirectLineClient.Text(await visitor.AskAsync("München")), StringComparison.Ordinal);
        var file = await visitor.AskAsync(de.NoticePeriods[2].Title);
        Assert.Contains(Opening(de["cv-file"]), DirectLineClient.Text(file), StringComparison.Ordinal);
        Assert.Equal([de.Cancel.Title], Buttons(file));

        Assert.Equal(HttpStatusCode.OK, (await visitor.UploadAsync("lebenslauf.pdf", "application/pdf", CvSamplesForChat.Pdf)).StatusCode);
        var summary = await visitor.WaitForBotAsync(t => t.Contains(Opening(de["cv-summary"]), StringComparison.Ordinal));
        var summaryText = DirectLineClient.Text(summary);
        Assert.Contains("Grete Hoffmann", summaryText, StringComparison.Ordinal);
        Assert.Contains(de.NoticePeriods[2].Title, summaryText, StringComparison.Ordinal);
        Assert.Contains(de["cv-summary-pool-no"], summaryText, StringComparison.Ordinal);
        Assert.Equal([.. de.Summary.Select(c => c.Title)], Buttons(summary));

        var confirmed = DirectLineClient.Text(await visitor.SayAndWaitAsync(de.Confirm.Title, Opening(de["cv-submitted"])));
        var reference = Regex.Match(confirmed, @"\bCV-[A-Z0-9]{4}-[A-Z0-9]{4}\b").Value;
        var secret = Regex.Match(confirmed, @"\b[A-Z0-9]{5}-[A-Z0-9]{5}\b").Value;
        Assert.NotEmpty(reference);
        Assert.NotEmpty(secret);

        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<ChatAdvisorDb>>().CreateDbContextAsync();
        var stored = await db.Set<CvSubmission>().SingleAsync(s => s.Reference == reference);
        Assert.Equal("de", stored.NoticeLanguage);
        Assert.Equal("Grete Hoffmann", stored.Name);
        Assert.Equal("3 months", stored.NoticePeriod);
        // Recruiters see (and filter by) the language the conversation was held in.
        Assert.Equal("de", (await db.Conversations.SingleAsync(c => c.Id == stored.ConversationId)).Language);

        // The data request speaks German too, and a German request starts it.
        var export = await visitor.AskAsync(de["request-export-words"].Split('|')[0]);
        Assert.Contains(Opening(de["data-start-export"]), DirectLineClient.Text(export), StringComparison.Ordinal);
        await visitor.AskAsync(reference);
        var shown = DirectLineClient.Text(await visitor.AskAsync(secret));
        Assert.Contains(Opening(de["data-export"]), shown, StringComparison.Ordinal);
        Assert.Contains("(de)", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGermanVisitorsRefusedFileIsExplainedInGerman()
    {
        var de = German;
        var visitor = await StartGermanAsync();
        await visitor.AskAsync("Ich möchte mich bewerben");
        foreach (var reply in (string[])[de.Agree.Title, de.PoolNo.Title, "Grete Hoffmann", "grete@example.com", "MLOps Engineer", de.Skip.Title, de.Skip.Title])
        {
            await visitor.AskAsync(reply);
        }
        Assert.Equal(HttpStatusCode.OK, (await visitor.UploadAsync("leer.pdf", "application/pdf", [])).StatusCode);
        var refusal = await visitor.WaitForBotAsync(t => t.Contains(de["cv-problem-empty"], StringComparison.Ordinal));
        Assert.DoesNotContain(CvProblems.Empty, DirectLineClient.Text(refusal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGermanVisitorWhoCannotAttachGetsAGermanUploadPageThatExplainsARefusalInGerman()
    {
        var de = German;
        var http = _app.CreateClient();
        http.DefaultRequestHeaders.AcceptLanguage.Add(StringWithQualityHeaderValue.Parse("de-DE"));
        var visitor = await DirectLineClient.StartAsync(http);
        await visitor.WaitForBotAsync(t => t.Contains("KI-Assistent", StringComparison.Ordinal));
        await visitor.AskAsync("Ich möchte mich bewerben");
        foreach (var reply in (string[])[de.Agree.Title, de.PoolNo.Title, "Grete Hoffmann", "grete@example.com", "MLOps Engineer", de.Skip.Title, de.Skip.Title])
        {
            await visitor.AskAsync(reply);
        }
        var linkWord = de["command-link-words"].Split('|')[0];
        var offer = DirectLineClient.Text(await visitor.AskAsync(linkWord));
        Assert.Contains(Opening(de["cv-upload-link"]), offer, StringComparison.Ordinal);
        var path = new Uri(Regex.Match(offer, @"\]\((http[^)]+)\)").Groups[1].Value).PathAndQuery;

        // A browser with no German preference still gets the page in the conversation's language.
        var browser = _app.CreateClient();
        var page = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync(path));
        Assert.Contains("<html lang=\"de\">", page, StringComparison.Ordinal);
        Assert.Contains(de["upload-title"], page, StringComparison.Ordinal);
        Assert.Contains("/privacy?lang=de", page, StringComparison.Ordinal);

        var file = new ByteArrayContent([]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var empty = await browser.PostAsync(path, new MultipartFormDataContent { { file, "file", "lebenslauf.pdf" } });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains(de["upload-choose-file"], System.Net.WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var privacy = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync("/privacy?lang=de"));
        Assert.Contains(de["page-privacy-heading"], privacy, StringComparison.Ordinal);
        Assert.Contains("Talentpool", privacy, StringComparison.Ordinal);
        // A language the agency has not published, or anything that is not a language code, gets the English notice.
        foreach (var other in (string[])["zz", "..%2Fnotices", "DE-de"])
        {
            Assert.Contains("<html lang=\"en\">", await browser.GetStringAsync("/privacy?lang=" + other), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheChatPageFollowsTheBrowsersLanguageOnlyWhenThatLanguageIsSwitchedOn()
    {
        static async Task<string> HomeAsync(HttpClient http, string acceptLanguage)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
            using var response = await http.SendAsync(request);
            Assert.Contains("Accept-Language", response.Headers.Vary);
            return await response.Content.ReadAsStringAsync();
        }

        var german = await HomeAsync(_app.CreateClient(), "de-CH, en;q=0.5");
        Assert.Contains("<html lang=\"de\">", german, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(German["page-heading"]), german, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", await HomeAsync(_app.CreateClient(), "pt-BR, fr;q=0.8, de;q=0.5"), StringComparison.Ordinal);

        using var englishOnly = new ChatAdvisorApp(new Dictionary<string, string?> { ["Languages:Enabled:0"] = "en" });
        var english = await HomeAsync(englishOnly.CreateClient(), "de-DE");
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Contains("Ask about a role", english, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryEnglishFileRefusalHasATranslationInEveryLanguage()
    {
        var knowledge = _app.Services.GetRequiredService<KnowledgeBase>();
        string[] refusals =
        [
            CvProblems.Empty, CvProblems.UnsupportedType, CvProblems.EncryptedPdf, CvProblems.EncryptedDocument, CvProblems.DamagedPdf,
            CvProblems.Damaged, CvProblems.Macros, CvProblems.TooMuchContent, CvProblems.TooManyParts, CvProblems.PdfActiveContent,
            CvProblems.PdfUncheckable, CvProblems.HiddenFile, CvProblems.Markup, CvProblems.EmbeddedObjects, CvProblems.RemoteContent,
            CvProblems.DdeField, CvProblems.TextEncoding, CvProblems.TooLarge(10 * 1024 * 1024), CvProblems.NotWhatItsNameSays(CvFileType.Pdf),
        ];
        foreach (var language in knowledge.Languages.Where(l => l != "en"))
        {
            var words = CvText.For(knowledge.Messages(language));
            foreach (var refusal in refusals)
            {
                Assert.NotEqual(refusal, words.Translate(refusal));
            }
            // Figures carry over into the translation.
            Assert.Contains("10 MB", words.Translate(CvProblems.TooLarge(10 * 1024 * 1024)), StringComparison.Ordinal);
        }
    }
}
