using System.Net;
using ChatAdvisor.Web.Portal;
using ChatAdvisor.Web.Portal.Review;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.Portal.Review;

/// <summary>Nobody but a signed-in recruiter or admin gets anything from the review pages, real ids or guessed.</summary>
[Collection(ReviewTestGroup.Name)]
public sealed class ReviewAccessTests(ReviewFixture fixture)
{
    private static readonly string[] s_handlers = ["AddTag", "RemoveTag", "AddNote"];

    private IEnumerable<string> Pages =>
    [
        "/portal/conversations",
        "/portal/conversations?Filter.HasCv=true",
        ReviewFixture.TranscriptPath(fixture.WithCv),
        ReviewFixture.TranscriptPath("guessed-conversation-id"),
        $"/portal/cv/{fixture.Reference}",
        "/portal/cv/CV-AAAA-AAAA",
    ];

    private IEnumerable<string> Posts =>
    [
        "/portal/conversations?handler=Export",
        .. s_handlers.Select(h => $"{ReviewFixture.TranscriptPath(fixture.WithCv)}?handler={h}"),
        .. s_handlers.Select(h => $"{ReviewFixture.TranscriptPath("guessed-conversation-id")}?handler={h}"),
    ];

    [Fact]
    public async Task AnonymousVisitorsAreSentToSignInAndTheirPostsAreUnauthorized()
    {
        using var session = new PortalSession(fixture.App);

        foreach (var path in Pages)
        {
            var (response, html) = await session.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {path} answered {(int)response.StatusCode}");
            Assert.StartsWith("http://localhost/portal/login?ReturnUrl=", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
            Assert.DoesNotContain(fixture.Reference, html, StringComparison.Ordinal);
        }
        foreach (var path in Posts)
        {
            using var response = await session.Http.PostAsync(path, new FormUrlEncodedContent([new("selected", fixture.WithCv), new("format", "csv"), new("tag", "x"), new("text", "x")]));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"POST {path} answered {(int)response.StatusCode}");
        }
        await AssertNothingRecordedAsync();
    }

    [Fact]
    public async Task SignedInAccountWithoutAPortalRoleIsForbiddenEverywhere()
    {
        var account = await PortalAccount.CreateRecruiterAsync(fixture.App, "no-role@example.com");
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Recruiter>>();
            Assert.True((await users.RemoveFromRoleAsync((await users.FindByIdAsync(account.UserId))!, PortalRoles.Recruiter)).Succeeded);
        }
        using var session = new PortalSession(fixture.App);
        await session.EnrolAsync(account);

        foreach (var path in Pages)
        {
            var (response, html) = await session.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"GET {path} answered {(int)response.StatusCode}");
            Assert.DoesNotContain(fixture.Reference, html, StringComparison.Ordinal);
        }
        foreach (var path in Posts)
        {
            using var response = await session.Http.PostAsync(path, new FormUrlEncodedContent([new("selected", fixture.WithCv), new("format", "csv"), new("tag", "x")]));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {path} answered {(int)response.StatusCode}");
        }
        await AssertNothingRecordedAsync(account.UserId);
    }

    [Fact]
    public async Task PostsWithoutAnAntiforgeryTokenAreRejectedForASignedInRecruiter()
    {
        foreach (var path in Posts)
        {
            using var response = await fixture.Recruiter.Http.PostAsync(path, new FormUrlEncodedContent([new("selected", fixture.WithCv), new("format", "csv"), new("tag", "x")]));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {path} answered {(int)response.StatusCode}");
        }
    }

    private async Task AssertNothingRecordedAsync(string? actor = null)
    {
        string[] actions = [ReviewAuditActions.View, ReviewAuditActions.CvDownload, ReviewAuditActions.Export, ReviewAuditActions.TagAdded, ReviewAuditActions.NoteAdded];
        foreach (var action in actions)
        {
            Assert.DoesNotContain(await fixture.AuditAsync(action), e => actor is null ? e.ActorUserId == PortalAudit.Anonymous : e.ActorUserId == actor);
        }
    }
}
