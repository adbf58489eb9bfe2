using ChatAdvisor.Core.Tests.Infrastructure;

namespace ChatAdvisor.Web.Tests.Portal;

/// <summary>
/// A fact that needs PostgreSQL (<see cref="TestPostgres"/>): skipped without a server, except on CI or with
/// <c>CHATADVISOR_REQUIRE_POSTGRES=1</c>, where it runs and fails on <see cref="ConnectionString"/>.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }

    /// <summary>The server's connection string; throws when PostgreSQL is required and not configured.</summary>
    public static string ConnectionString => TestPostgres.ConnectionString;
}
