using System.Net;
using System.Text.RegularExpressions;
using ChatAdvisor.Web.Tests.CvUpload;
using ChatAdvisor.Web.Tests.Infrastructure;

namespace ChatAdvisor.Web.Tests.Portal.Admin;

/// <summary>Signed-in staff sessions and applications made through the chat, for the admin and gaps page tests.</summary>
internal static partial class StaffTestData
{
    /// <summary>Enrols the account, signs out, then signs in again with password and authenticator code.</summary>
    public static async Task<PortalSession> SignInAsync(ChatAdvisorApp app, PortalAccount account)
    {
        var session = new PortalSession(app);
        var enrolment = await session.EnrolAsync(account);
        await session.SignOutAsync();
        PortalSession.AssertRedirect(await session.SignInAsync(account, enrolment.SharedKey), "/portal");
        return session;
    }

    /// <summary>Applies through the CV dialog over Direct Line as Grace Hopper (grace@example.com) and returns the reference.</summary>
    public static async Task<(string Reference, DirectLineClient Client)> ApplyAsync(ChatAdvisorApp app, string fileName = "my cv.pdf")
    {
        var client = await DirectLineClient.StartAsync(app.CreateClient());
        await CvDialogOverDirectLineTests.RunToFileStepAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.UploadAsync(fileName, "application/pdf", CvSamplesForChat.Pdf)).StatusCode);
        await client.WaitForBotAsync(t => t.Contains("Shall I send it?", StringComparison.Ordinal));
        var confirmation = DirectLineClient.Text(await client.SayAndWaitAsync("Confirm and send", "Reference:"));
        var reference = ReferencePattern().Match(confirmation).Value;
        Assert.NotEmpty(reference);
        return (reference, client);
    }

    [GeneratedRegex(@"CV-[A-Z0-9]{4}-[A-Z0-9]{4}")]
    private static partial Regex ReferencePattern();
}
