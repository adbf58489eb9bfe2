using ChatAdvisor.Web.Tests.CvUpload;
using ChatAdvisor.Web.Tests.Infrastructure;

namespace ChatAdvisor.Web.Tests.Portal.Admin;

/// <summary>Signed-in staff sessions and applications made through the chat, for the admin and gaps page tests.</summary>
internal static class StaffTestData
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
        return ((await DirectLineApplication.ApplyAsync(client, fileName)).Reference, client);
    }
}
