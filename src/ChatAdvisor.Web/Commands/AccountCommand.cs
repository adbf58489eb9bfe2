using System.Net.Mail;
using ChatAdvisor.Data;
using ChatAdvisor.Web.Portal;

namespace ChatAdvisor.Web.Commands;

/// <summary>
/// <c>create-admin --email ADDRESS [--password-stdin]</c> and <c>add-recruiter --email ADDRESS [--password-stdin]</c>:
/// create a portal account after applying the schema. Without <c>--password-stdin</c> a strong password is generated and
/// printed once. Exits 0 when created, 1 when refused (address taken, weak password), 2 on a usage error.
/// </summary>
internal static class AccountCommand
{
    public const string CreateAdmin = "create-admin";

    public const string AddRecruiter = "add-recruiter";

    private const string Usage = "Usage: create-admin|add-recruiter --email ADDRESS [--password-stdin]";

    public static Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken) =>
        RunAsync(services, args, Console.In, Console.Out, Console.Error, cancellationToken);

    public static async Task<int> RunAsync(
        IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var role = args is [CreateAdmin, ..] ? PortalRoles.Admin : PortalRoles.Recruiter;
        if (!TryParse(args.AsSpan(1), out var email, out var passwordFromInput, out var problem))
        {
            await error.WriteLineAsync($"{problem}{Environment.NewLine}{Usage}");
            return 2;
        }
        var password = passwordFromInput ? (await input.ReadLineAsync(cancellationToken))?.TrimEnd('\r') : PortalAccounts.GeneratePassword();
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync("--password-stdin was given but standard input held no password.");
            return 2;
        }

        await services.GetRequiredService<SchemaMigrator>().ApplyAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<PortalAccounts>().CreateAsync(email, role, password, PortalAudit.CommandLine, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var reason in result.Problems)
            {
                await error.WriteLineAsync(reason);
            }
            await error.WriteLineAsync("No account was created.");
            return 1;
        }
        await output.WriteLineAsync($"Created the {role} account {email} (id {result.UserId}).");
        if (!passwordFromInput)
        {
            await output.WriteLineAsync($"Password: {password}");
            await output.WriteLineAsync("It is shown only this once: hand it over in person or through a password manager.");
        }
        await output.WriteLineAsync("At the first sign-in (/portal/login) the account must set up an authenticator app.");
        return 0;
    }

    private static bool TryParse(ReadOnlySpan<string> args, out string email, out bool passwordFromInput, out string problem)
    {
        (email, passwordFromInput, problem) = ("", false, "");
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--email" when i + 1 < args.Length:
                    email = args[++i].Trim();
                    break;
                case "--password-stdin":
                    passwordFromInput = true;
                    break;
                default:
                    problem = $"Unknown or incomplete option '{args[i]}'.";
                    return false;
            }
        }
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            problem = email.Length == 0 ? "--email is required." : $"'{email}' is not an email address.";
            return false;
        }
        return true;
    }
}
