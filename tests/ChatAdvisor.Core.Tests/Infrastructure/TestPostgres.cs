namespace ChatAdvisor.Core.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server of the test run: <c>CHATADVISOR_TEST_POSTGRES</c> holds a connection string to a server
/// where tests may create and drop databases. On CI (<c>CI=true</c>) or with <c>CHATADVISOR_REQUIRE_POSTGRES=1</c>
/// (set by test.sh) a missing server fails the PostgreSQL tests; elsewhere they are skipped.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "CHATADVISOR_TEST_POSTGRES";

    public const string RequireVariable = "CHATADVISOR_REQUIRE_POSTGRES";

    public static bool IsConfigured => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable));

    public static bool IsRequired =>
        Environment.GetEnvironmentVariable(RequireVariable) == "1"
        || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why a PostgreSQL test is skipped, or null when it runs (and then fails if there is no server).</summary>
    public static string? SkipReason => IsConfigured || IsRequired ? null : $"{Variable} is not set.";

    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException(
            $"PostgreSQL is required for this run ({RequireVariable}=1 or CI=true) but {Variable} is not set: start a server and set it, or see test.sh.");
}
