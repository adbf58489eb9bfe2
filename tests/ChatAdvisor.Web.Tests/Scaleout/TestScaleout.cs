using ChatAdvisor.Core.Tests.Infrastructure;

namespace ChatAdvisor.Web.Tests.Scaleout;

/// <summary>
/// What the scale-out tests need besides PostgreSQL and Azurite: a Redis server (<c>CHATADVISOR_TEST_REDIS</c>,
/// host:port) and nginx (<c>CHATADVISOR_TEST_NGINX</c>, its path), both provided by test.sh. Required there
/// (<c>CHATADVISOR_REQUIRE_SCALEOUT=1</c>) and on CI; skipped elsewhere when missing.
/// </summary>
public static class TestScaleout
{
    public const string RedisVariable = "CHATADVISOR_TEST_REDIS";

    public const string NginxVariable = "CHATADVISOR_TEST_NGINX";

    public static bool IsRequired =>
        Environment.GetEnvironmentVariable("CHATADVISOR_REQUIRE_SCALEOUT") == "1"
        || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? SkipReason =>
        IsRequired || (Has(RedisVariable) && Has(NginxVariable) && TestPostgres.IsConfigured && TestAzurite.IsConfigured)
            ? null
            : $"{RedisVariable}, {NginxVariable}, {TestPostgres.Variable} and {TestAzurite.Variable} are needed; run ./test.sh, which provides them.";

    public static string Redis => Required(RedisVariable);

    public static string Nginx => Required(NginxVariable);

    private static bool Has(string variable) => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable));

    private static string Required(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{variable} is not set: the scale-out tests are required for this run; see test.sh.");
}

/// <summary>A fact that needs <see cref="TestScaleout"/>'s servers.</summary>
public sealed class ScaleoutFactAttribute : FactAttribute
{
    public ScaleoutFactAttribute()
    {
        if (TestScaleout.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
