using ChatAdvisor.Web.Portal;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.Portal;

public sealed class AccountCommandTests : IDisposable
{
    private readonly ChatAdvisorApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task CreateAdminGeneratesAStrongPasswordAndPrintsItOnce()
    {
        var (exitCode, output, error) = await PortalAccount.RunCommandAsync(_app, ["create-admin", "--email", "first.admin@example.com"]);

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        var password = Assert.Single(PortalAccount.PasswordLine().Matches(output)).Groups[1].Value;
        Assert.True(password.Length >= 20, $"A generated password should be long; got {password.Length} characters.");
        Assert.Equal(2, output.Split(password).Length);
        Assert.Contains("authenticator app", output, StringComparison.Ordinal);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Recruiter>>();
        var admin = await users.FindByEmailAsync("first.admin@example.com");
        Assert.NotNull(admin);
        Assert.True(await users.CheckPasswordAsync(admin, password));
        Assert.True(await users.IsInRoleAsync(admin, PortalRoles.Admin));
        Assert.False(admin.TwoFactorEnabled);
        Assert.True(admin.LockoutEnabled);
        var audit = await AuditAsync();
        Assert.Contains(audit, a => a is { ActorUserId: PortalAudit.CommandLine, Action: PortalAuditActions.AccountCreated } && a.Subject == admin.Id);
    }

    [Fact]
    public async Task AddRecruiterTakesThePasswordFromStandardInputAndDoesNotPrintIt()
    {
        const string Password = "correct horse battery staple";

        var (exitCode, output, _) = await PortalAccount.RunCommandAsync(_app, ["add-recruiter", "--email", "rita@example.com", "--password-stdin"], Password + "\n");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Recruiter>>();
        var recruiter = await users.FindByEmailAsync("rita@example.com");
        Assert.NotNull(recruiter);
        Assert.True(await users.CheckPasswordAsync(recruiter, Password));
        Assert.Equal([PortalRoles.Recruiter], await users.GetRolesAsync(recruiter));
    }

    [Fact]
    public async Task AnAddressThatAlreadyHasAnAccountIsRefused()
    {
        await PortalAccount.CreateAdminAsync(_app, "taken@example.com");

        var (exitCode, output, error) = await PortalAccount.RunCommandAsync(_app, ["add-recruiter", "--email", "taken@example.com"]);

        Assert.Equal(1, exitCode);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Password:", output, StringComparison.Ordinal);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Users.CountAsync());
    }

    [Theory]
    [InlineData("short")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    public async Task AWeakPasswordFromStandardInputIsRefused(string password)
    {
        var (exitCode, _, error) = await PortalAccount.RunCommandAsync(_app, ["create-admin", "--email", "weak@example.com", "--password-stdin"], password);

        Assert.Equal(1, exitCode);
        Assert.Contains("No account was created.", error, StringComparison.Ordinal);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        Assert.False(await db.Users.AnyAsync());
    }

    [Theory]
    [InlineData("create-admin")]
    [InlineData("create-admin", "--email")]
    [InlineData("create-admin", "--email", "not-an-address")]
    [InlineData("add-recruiter", "--email", "a@example.com", "--role", "admin")]
    [InlineData("add-recruiter", "--email", "a@example.com", "--password-stdin")]
    public async Task UsageErrorsExitWithTwo(params string[] args)
    {
        var (exitCode, _, error) = await PortalAccount.RunCommandAsync(_app, args, standardInput: "");

        Assert.Equal(2, exitCode);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void GeneratedPasswordsAreLongAndDifferent()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => PortalAccounts.GeneratePassword()).ToList();

        Assert.All(passwords, p => Assert.Equal(24, p.Length));
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }

    private async Task<List<PortalAuditEntry>> AuditAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<PortalDb>>().CreateDbContextAsync();
        return await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }
}
