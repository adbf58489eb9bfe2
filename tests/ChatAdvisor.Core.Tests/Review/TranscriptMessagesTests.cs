using System.Text;
using System.Text.Json;
using ChatAdvisor.Review;

namespace ChatAdvisor.Core.Tests.Review;

/// <summary>
/// A conversation as the host really stores it (greeting, typing drafts of a streamed answer, an event, the final
/// Markdown answer with its reference lines), and one the visitor opened but never wrote in.
/// </summary>
public sealed class TranscriptMessagesTests : IAsyncLifetime
{
    private ReviewDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await ReviewDatabase.CreateAsync(postgres: false);
        var seed = new Seed();
        seed.Conversation("streamed", "directline", PortalData.Utc(3, 5, 9))
            .Event()
            .Bot("Hello! I answer questions about our **roles**.")
            .User("What does an MLOps engineer earn?")
            .Typing("An MLOps")
            .Typing("An MLOps engineer earns")
            .Answer(MessageMarkdownTests.Answer, "generative", 0.8, "mlops-engineer#salary", "mlops-engineer#locations")
            .Event()
            .User("=1+1 thanks");
        seed.Conversation("raced", "directline", PortalData.Utc(3, 7, 9))
            .User("Hi there")
            .Bot("Hello! I answer questions about our **roles**.")
            .Answer("Hello! Ask me about a role.", "declined", 0.1)
            .Bot("Thanks, I've got **cv.pdf**.");
        seed.Conversation("silent", "directline", PortalData.Utc(3, 6, 9))
            .Event()
            .Bot("Hello! I answer questions about our **roles**.");
        await _db.SeedAsync(seed);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task CsvHasOneRowPerRealMessageInPlainTextWithTheSourcesSpelledOut()
    {
        using var output = new MemoryStream();
        await _db.Export.WriteCsvAsync(["streamed", "silent"], output, CancellationToken.None);
        var text = Encoding.UTF8.GetString(output.ToArray()[3..]);

        var rows = CsvRecords.Parse(text).Skip(1).ToList();
        Assert.Equal(["user|What does an MLOps engineer earn?", "bot|" + MessageMarkdown.ToPlainText(MessageMarkdownTests.Answer), "user|'=1+1 thanks"],
            rows.Select(r => $"{r[4]}|{r[5]}"));
        Assert.All(rows, r => Assert.Equal("message", r[3]));
        Assert.Contains("[1] MLOps Engineer role guide, Salary in Europe", rows[1][5], StringComparison.Ordinal);
        Assert.DoesNotContain("cite:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("](", text, StringComparison.Ordinal);
        Assert.Equal("mlops-engineer#salary; mlops-engineer#locations", rows[1][8]);
    }

    [Fact]
    public async Task JsonCarriesTheSameMessagesInPlainText()
    {
        using var output = new MemoryStream();
        await _db.Export.WriteJsonAsync(["streamed"], output, CancellationToken.None);
        using var json = JsonDocument.Parse(output.ToArray());

        var texts = json.RootElement.EnumerateArray().Select(o => o.GetProperty("text").GetString()).ToList();
        Assert.Equal(["What does an MLOps engineer earn?", MessageMarkdown.ToPlainText(MessageMarkdownTests.Answer), "=1+1 thanks"], texts);
    }

    [Fact]
    public async Task TheTranscriptsMessagesSkipTheGreetingDraftsAndEvents()
    {
        var detail = await _db.Transcripts.GetAsync("streamed", CancellationToken.None);

        var messages = TranscriptMessages.Conversational(detail!.Activities).ToList();
        Assert.Equal([3L, 6, 8], messages.Select(m => m.Sequence));
        Assert.Equal(8, detail.Activities.Count);
    }

    [Fact]
    public async Task AGreetingStoredAfterTheFirstQuestionIsLeftOutButLaterUnpromptedMessagesStay()
    {
        var detail = await _db.Transcripts.GetAsync("raced", CancellationToken.None);

        Assert.All(detail!.Activities.Where(a => a.Role == "bot"), a => Assert.True(a.Unprompted));
        Assert.Equal(["Hi there", "Hello! Ask me about a role.", "Thanks, I've got **cv.pdf**."],
            TranscriptMessages.Conversational(detail.Activities).Select(m => m.Text));
    }

    [Fact]
    public async Task ConversationsWithoutAVisitorMessageCanBeLeftOut()
    {
        var withMessage = await _db.Search.SearchAsync(new ConversationQuery { HasVisitorMessage = true }, CancellationToken.None);
        var without = await _db.Search.SearchAsync(new ConversationQuery { HasVisitorMessage = false }, CancellationToken.None);
        var all = await _db.Search.SearchAsync(new ConversationQuery(), CancellationToken.None);

        Assert.Equal(["raced", "streamed"], withMessage.Items.Select(i => i.Id));
        Assert.Equal(["silent"], without.Items.Select(i => i.Id));
        Assert.Equal(3, all.Total);
    }
}
