using System.Text.RegularExpressions;
using ChatAdvisor.Web.Commands;
using ChatAdvisor.Web.Tests.Infrastructure;

namespace ChatAdvisor.Web.Tests.Portal;

/// <summary>An account made the way an operator makes one: with the create-admin / add-recruiter command.</summary>
public sealed partial record PortalAccount(string Email, string Password, string UserId)
{
    public static Task<PortalAccount> CreateAdminAsync(ChatAdvisorApp app, string email = "admin@example.com") =>
        CreateAsync(app, AccountCommand.CreateAdmin, email);

    public static Task<PortalAccount> CreateRecruiterAsync(ChatAdvisorApp app, string email = "recruiter@example.com") =>
        CreateAsync(app, AccountCommand.AddRecruiter, email);

    /// <summary>Runs the command with a generated password and reads the password and id from what it prints.</summary>
    public static async Task<PortalAccount> CreateAsync(ChatAdvisorApp app, string command, string email)
    {
        var (exitCode, output, error) = await RunCommandAsync(app, [command, "--email", email]);
        Assert.True(exitCode == 0, $"{command} exited {exitCode}: {error}");
        return new PortalAccount(email, PasswordLine().Match(output).Groups[1].Value, IdLine().Match(output).Groups[1].Value);
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunCommandAsync(ChatAdvisorApp app, string[] args, string? standardInput = null)
    {
        using var input = new StringReader(standardInput ?? "");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AccountCommand.RunAsync(app.Services, args, input, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    [GeneratedRegex(@"^Password: (\S+)$", RegexOptions.Multiline)]
    internal static partial Regex PasswordLine();

    [GeneratedRegex(@"\(id ([0-9a-f-]{36})\)")]
    private static partial Regex IdLine();
}
