namespace ChatAdvisor.Web.Tests.Portal;

/// <summary>
/// A fact that needs PostgreSQL: <c>CHATADVISOR_TEST_POSTGRES</c> holds a connection string to a server where the test
/// may create and drop databases. Skipped when it is unset.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "CHATADVISOR_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(ConnectionString))
        {
            Skip = $"{Variable} is not set.";
        }
    }

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);
}
