using System.Net;
using ChatAdvisor.Conversations;
using ChatAdvisor.Cvs;
using ChatAdvisor.Data;
using ChatAdvisor.Web.Portal;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.Portal.Admin;

/// <summary>An admin erases a candidate's applications on their request, through /portal/admin/erase.</summary>
public sealed class StaffErasureTests : IDisposable
{
    private readonly ChatAdvisorApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ErasureByReferenceConfirmsFirstThenRemovesFileRowAndTranscriptAnswersAndIsRecorded()
    {
        var (reference, client) = await StaffTestData.ApplyAsync(_app);
        var admin = await PortalAccount.CreateAdminAsync(_app);
        using var session = await StaffTestData.SignInAsync(_app, admin);
        Assert.Single(Directory.GetFiles(_app.CvFolder));

        var (found, confirmation) = await session.PostFormAsync("/portal/admin/erase", Query(reference.ToLowerInvariant().Replace('-', ' ')), "Find");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains($"<td>{reference}</td><td>my cv.pdf</td>", confirmation, StringComparison.Ordinal);
        Assert.DoesNotContain("Grace Hopper", confirmation, StringComparison.Ordinal);
        Assert.DoesNotContain("grace@example.com", confirmation, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_app.CvFolder));

        var (erased, result) = await session.PostFormAsync("/portal/admin/erase", Query(reference), "Erase");

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Contains($"<li>{reference}</li>", result, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_app.CvFolder));
        var transcript = await client.ReadAllAsync();
        Assert.DoesNotContain(transcript, t => t.Contains("Grace Hopper", StringComparison.Ordinal) || t.Contains("grace@example.com", StringComparison.Ordinal));
        Assert.Contains(TranscriptStore.RemovedNote, transcript);
        await using (var db = await CreateDbAsync())
        {
            Assert.False(await db.CvSubmissions.AnyAsync(c => c.Reference == reference));
            var request = Assert.Single(await db.DataRequests.Where(r => r.Kind == "erase-staff").ToListAsync());
            Assert.Equal((reference, "Verified", "portal"), (request.Reference, request.Outcome, request.ChannelId));
        }
        await using (var portalDb = await _app.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync())
        {
            var entry = Assert.Single(await portalDb.AuditEntries.Where(e => e.Action == "erase").ToListAsync());
            Assert.Equal((admin.UserId, reference), (entry.ActorUserId, entry.Subject));
        }

        var (_, again) = await session.PostFormAsync("/portal/admin/erase", Query(reference), "Find");
        Assert.Contains("No application matches", again, StringComparison.Ordinal);
        var (_, secondErase) = await session.PostFormAsync("/portal/admin/erase", Query(reference), "Erase");
        Assert.Contains("Nothing was erased", secondErase, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErasureByEmailIgnoresCaseAndErasesEveryApplicationOfThatAddress()
    {
        var (first, firstClient) = await StaffTestData.ApplyAsync(_app, "first.pdf");
        var (second, _) = await StaffTestData.ApplyAsync(_app, "second.pdf");
        using var session = await StaffTestData.SignInAsync(_app, await PortalAccount.CreateAdminAsync(_app));

        var (_, confirmation) = await session.PostFormAsync("/portal/admin/erase", Query("  Grace@Example.COM "), "Find");
        Assert.Contains($"<td>{first}</td><td>first.pdf</td>", confirmation, StringComparison.Ordinal);
        Assert.Contains($"<td>{second}</td><td>second.pdf</td>", confirmation, StringComparison.Ordinal);

        var (_, result) = await session.PostFormAsync("/portal/admin/erase", Query("GRACE@example.com"), "Erase");

        Assert.Contains($"<li>{first}</li>", result, StringComparison.Ordinal);
        Assert.Contains($"<li>{second}</li>", result, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_app.CvFolder));
        Assert.DoesNotContain(await firstClient.ReadAllAsync(), t => t.Contains("grace@example.com", StringComparison.Ordinal));
        await using var db = await CreateDbAsync();
        Assert.False(await db.CvSubmissions.AnyAsync());
        var recorded = await db.DataRequests.Where(r => r.Kind == "erase-staff").Select(r => r.Reference).ToListAsync();
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), recorded.Order(StringComparer.Ordinal));
        Assert.Empty(await _app.Services.GetRequiredService<CvSubmissions>().EraseByStaffAsync("grace@example.com", "portal", CancellationToken.None));
    }

    [Fact]
    public async Task AuditPageShowsTheSignInAndTheErasureNewestFirstAndFiltersByAction()
    {
        var (reference, _) = await StaffTestData.ApplyAsync(_app);
        using var session = await StaffTestData.SignInAsync(_app, await PortalAccount.CreateAdminAsync(_app));
        await session.PostFormAsync("/portal/admin/erase", Query(reference), "Erase");

        var (page, html) = await session.GetAsync("/portal/admin/audit");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var erase = html.IndexOf($"<td>erase</td>\n              <td>{reference}</td>", StringComparison.Ordinal);
        var signIn = html.IndexOf("<td>sign-in</td>\n              <td>authenticator</td>", StringComparison.Ordinal);
        Assert.True(erase >= 0 && signIn > erase, "The erasure and then (older) the sign-in should be listed.");
        Assert.Contains("<td>admin@example.com</td>", html, StringComparison.Ordinal);
        Assert.Matches(@"<td>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC</td>", html);
        var (_, filtered) = await session.GetAsync("/portal/admin/audit?filter=erase");
        Assert.Contains($"<td>{reference}</td>", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>sign-in</td>", filtered, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Query(string value) => new() { ["Query"] = value };

    private Task<ChatAdvisorDb> CreateDbAsync() =>
        _app.Services.GetRequiredService<IDbContextFactory<ChatAdvisorDb>>().CreateDbContextAsync();
}
