using System.Net;
using ChatAdvisor.Web.Tests.Infrastructure;

namespace ChatAdvisor.Web.Tests.Portal.Admin;

public sealed class AdminAccessTests : IDisposable
{
    private readonly ChatAdvisorApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/portal/gaps")]
    [InlineData("/portal/gaps?From=2026-01-01&To=2026-01-31")]
    [InlineData("/portal/admin/erase")]
    [InlineData("/portal/admin/audit")]
    [InlineData("/portal/admin/audit?filter=erase&p=2")]
    [InlineData("/portal/admin/users")]
    [InlineData("/portal/gaps/export")]
    public async Task AnonymousVisitorsAreSentToSignInAndTheirPostsAndApiCallsAreUnauthorized(string path)
    {
        using var session = new PortalSession(_app);

        var (page, _) = await session.GetAsync(path);
        using var post = await session.Http.PostAsync(path, new FormUrlEncodedContent([new("Query", "CV-2345-6789")]));
        using var api = new HttpRequestMessage(HttpMethod.Get, path);
        api.Headers.Accept.ParseAdd("application/json");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("http://localhost/portal/login?ReturnUrl=", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Http.SendAsync(api)).StatusCode);
    }

    [Fact]
    public async Task RecruiterSeesTheGapsPageButIsForbiddenEverywhereUnderAdmin()
    {
        using var session = await StaffTestData.SignInAsync(_app, await PortalAccount.CreateRecruiterAsync(_app));

        var (gaps, html) = await session.GetAsync("/portal/gaps");

        Assert.Equal(HttpStatusCode.OK, gaps.StatusCode);
        Assert.Contains("<h1>Knowledge gaps</h1>", html, StringComparison.Ordinal);
        foreach (var path in (string[])["/portal/admin/erase", "/portal/admin/audit", "/portal/admin/audit?filter=sign-in", "/portal/admin/users"])
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync(path)).Response.StatusCode);
        }
        using var post = await session.Http.PostAsync("/portal/admin/erase?handler=Erase", new FormUrlEncodedContent([new("Query", "grace@example.com")]));
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"Recruiter erase post answered {(int)post.StatusCode}.");
    }

    [Fact]
    public async Task AdminReachesTheAdminPagesAndUnknownAdminAddressesAreNotFound()
    {
        using var session = await StaffTestData.SignInAsync(_app, await PortalAccount.CreateAdminAsync(_app));

        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/portal/admin/erase")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/portal/admin/audit")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/portal/gaps")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync("/portal/admin/users")).Response.StatusCode);
    }
}
