using System.Net;
using ChatAdvisor.Cvs;
using ChatAdvisor.Web.Tests.Infrastructure;

namespace ChatAdvisor.Web.Tests.CvUpload;

/// <summary>The CV dialog as Web Chat meets it: text turns and real multipart uploads through Direct Line.</summary>
public sealed class CvDialogOverDirectLineTests : IDisposable
{
    private readonly ChatAdvisorApp _app = new();

    [Fact]
    public async Task ApplyThenSeeAndEraseTheDataWithReferenceAndSecret()
    {
        var http = _app.CreateClient();
        var client = await DirectLineClient.StartAsync(http);
        var confirmation = await DirectLineApplication.ApplyAsync(client);
        var (reference, secret) = (confirmation.Reference, confirmation.SecretCode);

        Assert.Equal(CvSamplesForChat.Pdf, File.ReadAllBytes(Assert.Single(Directory.GetFiles(_app.CvFolder))));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_app.DataFolder, "attachments"), "*", SearchOption.AllDirectories));

        await client.SayAndWaitAsync("What do you hold about me?", "reference number");
        await client.SayAndWaitAsync(reference, "secret code");
        var export = DirectLineClient.Text(await client.SayAndWaitAsync(secret, "Here is everything"));
        Assert.Contains("Grace Hopper", export, StringComparison.Ordinal);
        Assert.Contains("grace@example.com", export, StringComparison.Ordinal);
        Assert.Contains("my cv.pdf", export, StringComparison.Ordinal);
        Assert.Contains("privacy notice version", export, StringComparison.Ordinal);

        await client.SayAndWaitAsync("delete my data", "reference number");
        await client.SayAndWaitAsync(reference.ToLowerInvariant(), "Shall I go ahead?");
        await client.SayAndWaitAsync("Yes, delete everything", "secret code");
        await client.SayAndWaitAsync(secret, "I've deleted your application");

        Assert.Empty(Directory.GetFiles(_app.CvFolder));
        var transcript = await client.ReadAllAsync();
        Assert.DoesNotContain(transcript, t => t.Contains("Grace Hopper", StringComparison.Ordinal) || t.Contains("grace@example.com", StringComparison.Ordinal));
        Assert.DoesNotContain(transcript, t => t.Contains(secret, StringComparison.Ordinal));
        await client.SayAndWaitAsync("What do you hold about me?", "reference number");
        await client.SayAndWaitAsync(reference, "secret code");
        await client.SayAndWaitAsync(secret, "couldn't find an application");
    }

    [Theory]
    [InlineData("cv.pdf", "application/pdf", "password-protected")]
    [InlineData("cv.pdf", "application/pdf", "empty")]
    [InlineData("cv.pdf", "application/pdf", "isn't a document we can accept")]
    public async Task BadFilesAreRefusedWithWhatToDoAndNothingIsStored(string name, string contentType, string expected)
    {
        var bytes = expected switch
        {
            "password-protected" => CvSamplesForChat.EncryptedPdf,
            "empty" => [],
            _ => CvSamplesForChat.Executable,
        };
        var client = await DirectLineClient.StartAsync(_app.CreateClient());
        await DirectLineApplication.RunToFileStepAsync(client);

        await client.UploadAsync(name, contentType, bytes);
        var refusal = DirectLineClient.Text(await client.WaitForBotAsync(t => t.Contains(expected, StringComparison.Ordinal)));

        Assert.Contains("Please", refusal, StringComparison.Ordinal);
        await client.WaitForBotAsync(t => t.Contains("Please attach your CV", StringComparison.Ordinal));
        Assert.False(Directory.Exists(_app.CvFolder) && Directory.EnumerateFiles(_app.CvFolder).Any());
        await client.UploadAsync("cv.pdf", "application/pdf", CvSamplesForChat.Pdf);
        await client.WaitForBotAsync(t => t.Contains("Shall I send it?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APdfCarryingJavaScriptIsRefusedWithWhatToSendInsteadAndAnotherFileIsAskedFor()
    {
        var client = await DirectLineClient.StartAsync(_app.CreateClient());
        await DirectLineApplication.RunToFileStepAsync(client);

        Assert.Equal(HttpStatusCode.OK, (await client.UploadAsync("cv.pdf", "application/pdf", CvSamplesForChat.JavaScriptPdf)).StatusCode);
        var refusal = await client.WaitForBotAsync(t => t.Contains("security reasons", StringComparison.Ordinal));

        Assert.Equal(CvProblems.PdfActiveContent, DirectLineClient.Text(refusal));
        Assert.Contains("Print to PDF", DirectLineClient.Text(refusal), StringComparison.Ordinal);
        await client.WaitForBotAsync(t => t.Contains("Please attach your CV", StringComparison.Ordinal));
        Assert.False(Directory.Exists(_app.CvFolder) && Directory.EnumerateFiles(_app.CvFolder).Any());
        await client.UploadAsync("cv.pdf", "application/pdf", CvSamplesForChat.Pdf);
        await client.WaitForBotAsync(t => t.Contains("Shall I send it?", StringComparison.Ordinal));
        Assert.Single(Directory.GetFiles(_app.CvFolder));
    }

    [Fact]
    public async Task DecliningConsentStoresNothingAndCancelDeletesTheFile()
    {
        var client = await DirectLineClient.StartAsync(_app.CreateClient());
        await client.SayAndWaitAsync("I want to apply", "notice version");
        await client.SayAndWaitAsync("No, thanks", "haven't stored anything");

        await DirectLineApplication.RunToFileStepAsync(client);
        await client.UploadAsync("cv.pdf", "application/pdf", CvSamplesForChat.Pdf);
        await client.WaitForBotAsync(t => t.Contains("Shall I send it?", StringComparison.Ordinal));
        Assert.Single(Directory.GetFiles(_app.CvFolder));
        await client.SayAndWaitAsync("cancel", "cancelled your application");

        Assert.Empty(Directory.GetFiles(_app.CvFolder));
    }

    [Fact]
    public async Task TheOfferToTakeACvComesAfterUsefulAnswersOnlyOnce()
    {
        var client = await DirectLineClient.StartAsync(_app.CreateClient());
        var first = await client.AskAsync("What does an MLOps engineer do?");
        var second = await client.AskAsync("What skills does an MLOps engineer need?");
        var third = await client.AskAsync("How much do MLOps engineers earn?");

        Assert.DoesNotContain("take your CV", DirectLineClient.Text(first), StringComparison.Ordinal);
        Assert.Contains("take your CV", DirectLineClient.Text(second), StringComparison.Ordinal);
        Assert.Equal("Send my CV", second["suggestedActions"]!["actions"]![0]!["title"]!.GetValue<string>());
        Assert.DoesNotContain("take your CV", DirectLineClient.Text(third), StringComparison.Ordinal);
        await client.SayAndWaitAsync("Send my CV", "notice version");
    }

    [Fact]
    public async Task EveryChoiceCanBeAnsweredInNaturalWords()
    {
        var client = await DirectLineClient.StartAsync(_app.CreateClient());
        await client.SayAndWaitAsync("I want to apply", "notice version");
        await client.SayAndWaitAsync("what happens to my data?", "notice version");
        await client.SayAndWaitAsync("maybe", "1. I agree\n2. No, thanks");
        await client.SayAndWaitAsync("yes please", "talent pool");
        await client.SayAndWaitAsync("nope", "full name");
        await client.SayAndWaitAsync("Grace Hopper", "email address");
        await client.SayAndWaitAsync("grace@example.com", "Which role");
        await client.SayAndWaitAsync("2", "Where are you based");
        await client.SayAndWaitAsync("skip it", "notice period");
        await client.SayAndWaitAsync("I'd rather not", "Please attach your CV");
        await client.UploadAsync("cv.pdf", "application/pdf", CvSamplesForChat.Pdf);
        await client.WaitForBotAsync(t => t.Contains("Shall I send it?", StringComparison.Ordinal));
        await client.SayAndWaitAsync("change my email", "What would you like to change?");
        await client.SayAndWaitAsync("the email and the name", "2. Email");
        await client.SayAndWaitAsync("2", "email address");
        await client.SayAndWaitAsync("grace.hopper@example.com", "Shall I send it?");
        var confirmation = CvConfirmation.Parse(DirectLineClient.Text(await client.SayAndWaitAsync("yes please send it", "Reference:")));

        await client.SayAndWaitAsync("What do you hold about me?", "reference number");
        await client.SayAndWaitAsync(confirmation.Reference, "secret code");
        var export = DirectLineClient.Text(await client.SayAndWaitAsync(confirmation.SecretCode, "Here is everything"));
        Assert.Contains("**Email:** grace.hopper@example.com", export, StringComparison.Ordinal);
        Assert.Contains("**Roles:** Machine Learning Engineer", export, StringComparison.Ordinal);
        Assert.Contains("**Location:** not given", export, StringComparison.Ordinal);
        Assert.Contains("**Notice period:** not given", export, StringComparison.Ordinal);
        Assert.Contains("**Talent pool:** no", export, StringComparison.Ordinal);
    }

    public void Dispose() => _app.Dispose();
}
