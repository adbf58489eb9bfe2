namespace ChatAdvisor.Core.Tests.Cvs;

/// <summary>
/// A test that needs a real clamd, found through <see cref="AddressVariable"/> (<c>host:port</c>; test.sh starts one and
/// sets it). Without the variable the test is skipped, except when <c>CI=true</c>: there it runs and fails, so a CI
/// run can never pass without having scanned anything.
/// </summary>
public sealed class ClamdFactAttribute : FactAttribute
{
    public const string AddressVariable = "CHATADVISOR_TEST_CLAMD";

    /// <summary>Path of the harmless sample whose MD5 is clamd's test signature; test.sh writes it and is the only source of its bytes.</summary>
    public const string SampleVariable = "CHATADVISOR_TEST_CLAMD_SAMPLE";

    public ClamdFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(AddressVariable))
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"{AddressVariable} is not set; run ./test.sh, which starts a private clamd (with CI=true this test fails instead).";
        }
    }
}
