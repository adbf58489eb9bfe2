using System.Net;
using ChatAdvisor.Web.Tests.Infrastructure;

namespace ChatAdvisor.Web.Tests.CvUpload;

/// <summary>
/// The CV dialog walked over Direct Line as Grace Hopper (grace@example.com, both roles, 3 months' notice, this
/// application only), for the tests that need the file step or a finished application to start from.
/// </summary>
internal static class DirectLineApplication
{
    /// <summary>Consents and answers every question up to the file, with a question about the roles on the way.</summary>
    public static async Task RunToFileStepAsync(DirectLineClient client)
    {
        var consent = DirectLineClient.Text(await client.SayAndWaitAsync("I want to apply", "notice version"));
        Assert.Contains("/privacy", consent, StringComparison.Ordinal);
        await client.SayAndWaitAsync("I agree", "talent pool");
        await client.SayAndWaitAsync("No, just this application", "full name");
        await client.SayAndWaitAsync("What qualifications does an ML engineer need?", "full name");
        await client.SayAndWaitAsync("Grace Hopper", "email address");
        await client.SayAndWaitAsync("grace@example.com", "Which role");
        await client.SayAndWaitAsync("Both", "Where are you based");
        await client.SayAndWaitAsync("Skip", "notice period");
        await client.SayAndWaitAsync("3 months", "Please attach your CV");
    }

    /// <summary>At the file step: uploads a small PDF as <paramref name="fileName"/> and waits for the summary.</summary>
    public static async Task UploadCvAsync(DirectLineClient client, string fileName = "my cv.pdf")
    {
        Assert.Equal(HttpStatusCode.OK, (await client.UploadAsync(fileName, "application/pdf", CvSamplesForChat.Pdf)).StatusCode);
        await client.WaitForBotAsync(t => t.Contains("Shall I send it?", StringComparison.Ordinal));
    }

    /// <summary>The whole application with <see cref="CvSamplesForChat.Pdf"/> as <paramref name="fileName"/>, confirmed.</summary>
    public static async Task<CvConfirmation> ApplyAsync(DirectLineClient client, string fileName = "my cv.pdf")
    {
        await RunToFileStepAsync(client);
        await UploadCvAsync(client, fileName);
        return CvConfirmation.Parse(DirectLineClient.Text(await client.SayAndWaitAsync("Confirm and send", "Reference:")));
    }
}
