using Azure.Storage.Blobs;

namespace ChatAdvisor.Core.Tests.Infrastructure;

/// <summary>
/// The Azurite Blob service of the test run: <c>CHATADVISOR_TEST_AZURITE</c> holds its connection string (test.sh
/// starts one). On CI (<c>CI=true</c>) or with <c>CHATADVISOR_REQUIRE_AZURITE=1</c> a missing emulator fails the
/// blob tests; elsewhere they are skipped.
/// </summary>
public static class TestAzurite
{
    public const string Variable = "CHATADVISOR_TEST_AZURITE";

    public const string RequireVariable = "CHATADVISOR_REQUIRE_AZURITE";

    public static bool IsConfigured => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable));

    public static bool IsRequired =>
        Environment.GetEnvironmentVariable(RequireVariable) == "1"
        || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why a blob test is skipped, or null when it runs (and then fails if there is no emulator).</summary>
    public static string? SkipReason => IsConfigured || IsRequired ? null : $"{Variable} is not set; run ./test.sh, which starts a private Azurite.";

    public static string ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException(
            $"Azurite is required for this run ({RequireVariable}=1 or CI=true) but {Variable} is not set: start one and set it, or see test.sh.");

    /// <summary>A container name no other test uses; the container itself is not created.</summary>
    public static string NewContainerName() => $"test-{Guid.NewGuid():N}";

    public static BlobContainerClient Container(string name) => new(ConnectionString, name);
}
