namespace ChatAdvisor.Web.Tests.Infrastructure;

/// <summary>
/// A test that needs the clamd that <c>test.sh</c> starts (<c>CHATADVISOR_TEST_CLAMD=host:port</c>). Without it the
/// test is skipped locally and fails in CI, where it must run.
/// </summary>
public sealed class ClamdFactAttribute : FactAttribute
{
    public ClamdFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CHATADVISOR_TEST_CLAMD"))
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "Needs the clamd started by test.sh (CHATADVISOR_TEST_CLAMD).";
        }
    }
}
