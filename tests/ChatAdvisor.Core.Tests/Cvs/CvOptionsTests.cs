using ChatAdvisor.Cvs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Core.Tests.Cvs;

public sealed class CvOptionsTests
{
    [Fact]
    public void DefaultsBindAndEveryServiceResolves()
    {
        using var services = Services([]);

        var options = services.GetRequiredService<IOptions<CvOptions>>().Value;

        Assert.Equal(10 * 1024 * 1024, options.MaxFileBytes);
        Assert.Equal("data/cvs", options.StoragePath);
        Assert.False(options.ClamAv.Enabled);
        Assert.Equal(("127.0.0.1", 3310, TimeSpan.FromSeconds(10)), (options.ClamAv.Host, options.ClamAv.Port, options.ClamAv.Timeout));
        Assert.NotNull(services.GetRequiredService<CvFileInspector>());
        Assert.NotNull(services.GetRequiredService<ClamAvScanner>());
        Assert.IsType<LocalCvFileStore>(services.GetRequiredService<ICvFileStore>());
    }

    [Fact]
    public void SettingsBindFromTheCvsSection()
    {
        using var services = Services(new()
        {
            ["Cvs:MaxFileBytes"] = "2048",
            ["Cvs:ClamAv:Enabled"] = "true",
            ["Cvs:ClamAv:Host"] = "clamd",
            ["Cvs:ClamAv:Port"] = "3311",
            ["Cvs:ClamAv:Timeout"] = "00:00:30",
        });

        var options = services.GetRequiredService<IOptions<CvOptions>>().Value;

        Assert.Equal(2048, options.MaxFileBytes);
        Assert.Equal((true, "clamd", 3311, TimeSpan.FromSeconds(30)), (options.ClamAv.Enabled, options.ClamAv.Host, options.ClamAv.Port, options.ClamAv.Timeout));
    }

    [Theory]
    [InlineData("Cvs:MaxFileBytes", "1023")]
    [InlineData("Cvs:MaxFileBytes", "52428801")]
    [InlineData("Cvs:StoragePath", "")]
    [InlineData("Cvs:ClamAv:Port", "0")]
    [InlineData("Cvs:ClamAv:Host", "")]
    [InlineData("Cvs:ClamAv:Timeout", "01:00:00")]
    public void OutOfRangeSettingsAreRefused(string key, string value)
    {
        using var services = Services(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CvOptions>>().Value);

        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ConnectionString")]
    [InlineData("ServiceUri")]
    public void BlobSettingsSwitchTheStoreToBlobStorage(string setting)
    {
        using var services = Services(new()
        {
            [$"Cvs:Blob:{setting}"] = setting == "ServiceUri" ? "https://account.blob.core.windows.net" : "UseDevelopmentStorage=true",
            ["Cvs:Blob:ContainerName"] = "cv-files",
        });

        Assert.IsType<BlobCvFileStore>(services.GetRequiredService<ICvFileStore>());
        Assert.Equal("cv-files", services.GetRequiredService<CvBlobContainer>().Client.Name);
    }

    [Theory]
    [InlineData("ab", "is not a valid container name")]
    [InlineData("CVs", "is not a valid container name")]
    [InlineData("cv--files", "is not a valid container name")]
    [InlineData("-cvfiles", "is not a valid container name")]
    [InlineData("cvfiles-", "is not a valid container name")]
    [InlineData("cv_files", "is not a valid container name")]
    public void InvalidContainerNamesAreRefusedWithAzuresRule(string name, string expected)
    {
        using var services = Services(new() { ["Cvs:Blob:ConnectionString"] = "UseDevelopmentStorage=true", ["Cvs:Blob:ContainerName"] = name });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CvOptions>>().Value);

        Assert.Contains($"Cvs:Blob:ContainerName '{name}' {expected}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://account.blob.core.windows.net", "", "either Cvs:Blob:ConnectionString or Cvs:Blob:ServiceUri")]
    [InlineData("", "http://account.blob.core.windows.net", "absolute https address")]
    [InlineData("", "account.blob.core.windows.net", "absolute https address")]
    public void BlobSettingsMustNameExactlyOneWayToTheAccount(string alsoUri, string uri, string expected)
    {
        using var services = Services(new()
        {
            ["Cvs:Blob:ConnectionString"] = alsoUri.Length > 0 ? "UseDevelopmentStorage=true" : null,
            ["Cvs:Blob:ServiceUri"] = alsoUri.Length > 0 ? alsoUri : uri,
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CvOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AManagedIdentityNeedsTheServiceUri()
    {
        using var services = Services(new() { ["Cvs:Blob:ConnectionString"] = "UseDevelopmentStorage=true", ["Cvs:Blob:ManagedIdentityClientId"] = "00000000-0000-0000-0000-000000000001" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<CvOptions>>().Value);

        Assert.Contains("ManagedIdentityClientId applies only with Cvs:Blob:ServiceUri", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<IHostEnvironment>(new Environment());
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddChatAdvisorCvs();
        return services.BuildServiceProvider();
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "ChatAdvisor.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
