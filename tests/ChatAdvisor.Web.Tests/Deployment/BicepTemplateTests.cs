using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChatAdvisor.Data;
using ChatAdvisor.Web.Channels.BotFramework.Connector;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Xunit.Abstractions;

namespace ChatAdvisor.Web.Tests.Deployment;

/// <summary>
/// The Azure deployment in deploy/azure compiles, lints clean and its parameter file builds, with the Bicep CLI that
/// the test project downloads from NuGet (<c>PackageDownload</c>, pinned). Every linter rule is an error in its
/// bicepconfig.json, and any warning left fails here too. Nothing is deployed: there is no Azure here.
/// </summary>
public sealed partial class BicepTemplateTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    /// <summary>The secrets main.bicepparam reads from the environment, with dummy values.</summary>
    private static readonly Dictionary<string, string> s_secretVariables = new()
    {
        ["CHATADVISOR_BOT_APP_PASSWORD"] = "dummy-bot-password",
        ["CHATADVISOR_DIRECTLINE_SIGNING_KEY"] = "ZHVtbXktc2lnbmluZy1rZXktb2YtMzItYnl0ZXMtLS0=",
        ["CHATADVISOR_POSTGRES_ADMIN_PASSWORD"] = "dummy-postgres-password",
    };

    private readonly ITestOutputHelper _output;
    private readonly string _azureFolder = Path.Combine(ChatAdvisorApp.RepositoryRoot, "deploy", "azure");
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("chatadvisor-bicep-");

    public BicepTemplateTests(ITestOutputHelper output) => _output = output;

    public void Dispose()
    {
        try
        {
            _temp.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up.
        }
    }

    [Fact]
    public async Task TheTemplateBuildsToAnArmTemplateWithoutWarnings()
    {
        var result = await BicepAsync(["build", Path.Combine(_azureFolder, "main.bicep"), "--stdout"]);

        AssertCleanSuccess(result, "bicep build main.bicep");
        using var template = JsonDocument.Parse(result.Stdout);
        var resources = template.RootElement.GetProperty("resources");
        var deployments = resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(p => p.Value).ToList()
            : resources.EnumerateArray().ToList();
        var modules = deployments.Where(r => r.GetProperty("type").GetString() == "Microsoft.Resources/deployments")
            .Select(r => r.GetProperty("name").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["app", "app-settings", "bot", "keyvault", "monitoring", "openai", "outbound-access", "postgres", "redis", "storage"], modules);
        Assert.True(template.RootElement.GetProperty("outputs").TryGetProperty("botMessagingEndpoint", out _), "The template has no botMessagingEndpoint output.");
    }

    [Fact]
    public async Task TheLinterFindsNothing()
    {
        var result = await BicepAsync(["lint", Path.Combine(_azureFolder, "main.bicep")]);

        AssertCleanSuccess(result, "bicep lint main.bicep");
    }

    [Fact]
    public async Task TheParameterFileBuildsWithTheSecretsFromTheEnvironment()
    {
        var result = await BicepAsync(["build-params", Path.Combine(_azureFolder, "main.bicepparam"), "--stdout"], s_secretVariables);

        AssertCleanSuccess(result, "bicep build-params main.bicepparam");
        using var output = JsonDocument.Parse(result.Stdout);
        using var parameters = JsonDocument.Parse(output.RootElement.GetProperty("parametersJson").GetString()!);
        var values = parameters.RootElement.GetProperty("parameters");
        Assert.Equal("dummy-bot-password", values.GetProperty("botAppPassword").GetProperty("value").GetString());
        Assert.Equal("dummy-postgres-password", values.GetProperty("postgresAdminPassword").GetProperty("value").GetString());
        Assert.Equal(1, values.GetProperty("instanceCount").GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task TheParameterFileHoldsNoSecretItself()
    {
        // Without the variables the file cannot be built: no secret value is written in it.
        var result = await BicepAsync(["build-params", Path.Combine(_azureFolder, "main.bicepparam"), "--stdout"]);

        Assert.True(result.ExitCode != 0, $"main.bicepparam built without its secret variables.\n{result}");
        foreach (var name in s_secretVariables.Keys)
        {
            Assert.Contains($"Environment variable \"{name}\" does not exist", result.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ABrokenModuleFailsTheBuild()
    {
        var copy = CopyDeployment();
        await ReplaceAsync(Path.Combine(copy, "modules", "storage.bicep"), "  name: accountName\n", "  name: acountName\n");

        var result = await BicepAsync(["build", Path.Combine(copy, "main.bicep"), "--stdout"]);

        Assert.True(result.ExitCode != 0, $"The build passed with an unknown name in modules/storage.bicep.\n{result}");
        Assert.Matches(@"storage\.bicep\(\d+,\d+\) : Error BCP057", result.Stderr);
    }

    [Fact]
    public async Task AWrongPropertyTypeIsOnlyAWarningForBicepAndAFailureHere()
    {
        // Bicep reports a value of the wrong type for a resource property as a warning and still exits 0; the
        // no-warnings check of the tests above is what refuses it.
        var copy = CopyDeployment();
        await ReplaceAsync(Path.Combine(copy, "modules", "storage.bicep"), "allowSharedKeyAccess: false", "allowSharedKeyAccess: 'no'");

        var result = await BicepAsync(["build", Path.Combine(copy, "main.bicep"), "--stdout"]);

        Assert.Matches(@"storage\.bicep\(\d+,\d+\) : Warning BCP036", result.Stderr);
        Assert.False(IsClean(result), $"A build with a warning counted as clean.\n{result}");
    }

    [Fact]
    public async Task TheLinterRulesAreErrorsSoAnUnusedParameterFailsTheLint()
    {
        var copy = CopyDeployment();
        await File.AppendAllTextAsync(Path.Combine(copy, "modules", "redis.bicep"), "\nparam leftOver string\n");

        var result = await BicepAsync(["lint", Path.Combine(copy, "main.bicep")]);

        Assert.True(result.ExitCode != 0, $"The lint passed with an unused parameter.\n{result}");
        Assert.Matches(@"redis\.bicep\(\d+,\d+\) : Error no-unused-params", result.Stderr);
    }

    /// <summary>
    /// Each Section__Key the template sets is a property of the options class that reads that section (found by its
    /// SectionName), and each literal value converts to the property's type (an enum name, a bool).
    /// </summary>
    [Fact]
    public void TheAppSettingsAreTheAppsOwnOptionNames()
    {
        var text = File.ReadAllText(Path.Combine(_azureFolder, "main.bicep"));
        var block = SettingsBlock().Match(text);
        Assert.True(block.Success, "main.bicep has no 'var baseSettings = { ... }' block.");
        var settings = Setting().Matches(block.Groups["body"].Value)
            .Select(m => (Key: m.Groups["key"].Value, Value: m.Groups["value"].Value.Trim()))
            .Where(s => s.Key.Contains("__", StringComparison.Ordinal))
            .ToList();
        Assert.True(settings.Count >= 15, $"Only {settings.Count} Section__Key settings were found in main.bicep.");

        var sections = OptionSections();
        foreach (var group in settings.GroupBy(s => s.Key.Split("__")[0]))
        {
            Assert.True(sections.TryGetValue(group.Key, out var type),
                $"No options class has SectionName \"{group.Key}\", which main.bicep sets ({string.Join(", ", group.Select(s => s.Key))}).");
            var values = new Dictionary<string, string?>();
            foreach (var (key, value) in group)
            {
                var path = key.Split("__");
                var property = FindProperty(type, path.Skip(1));
                Assert.True(property is not null, $"{key}: {type.Name} has no property {string.Join('.', path.Skip(1))}.");
                var literal = value.Length >= 2 && value[0] == '\'' && value[^1] == '\'' && !value.Contains("${", StringComparison.Ordinal);
                values[string.Join(':', path)] = literal ? value[1..^1] : Placeholder(property.PropertyType);
            }
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
            var bound = configuration.GetSection(group.Key).Get(type, o => o.ErrorOnUnknownConfiguration = true);
            Assert.NotNull(bound);
        }

        var settingValues = settings.ToDictionary(s => s.Key, s => s.Value);
        Assert.Equal($"'{nameof(DatabaseProvider.Postgres)}'", settingValues["Database__Provider"]);
        Assert.Equal($"'{nameof(BotAppType.SingleTenant)}'", settingValues["Bot__AppType"]);
        Assert.Equal("'AzureOpenAI'", settingValues["Llm__Provider"]);
        Assert.Equal("'true'", settingValues["Llm__UseEntraId"]);
        foreach (var secret in new[] { "Database__ConnectionString", "Redis__ConnectionString", "DirectLine__SigningKey", "Bot__AppPassword" })
        {
            Assert.StartsWith("keyVaultReference(", settingValues[secret], StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, Type> OptionSections()
    {
        var sections = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var assembly in new[] { typeof(BotOptions).Assembly, typeof(DatabaseOptions).Assembly })
        {
            foreach (var type in assembly.GetTypes())
            {
                if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
                    && field.GetRawConstantValue() is string name && !name.Contains(':', StringComparison.Ordinal))
                {
                    sections.Add(name, type);
                }
            }
        }
        return sections;
    }

    private static PropertyInfo? FindProperty(Type type, IEnumerable<string> path)
    {
        PropertyInfo? property = null;
        foreach (var name in path)
        {
            property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
            if (property is null)
            {
                return null;
            }
            type = property.PropertyType;
        }
        return property;
    }

    /// <summary>A value of the property's type for a setting that the deployment computes (a host name, a reference).</summary>
    private static string Placeholder(Type type) =>
        type == typeof(Uri) ? "https://placeholder.example/"
        : type == typeof(bool) ? "true"
        : type == typeof(int) || type == typeof(long) ? "1"
        : type == typeof(TimeSpan) ? "00:01:00"
        : type.IsEnum ? Enum.GetNames(type)[0]
        : "placeholder";

    private string CopyDeployment()
    {
        var copy = Path.Combine(_temp.FullName, "azure");
        foreach (var file in Directory.EnumerateFiles(_azureFolder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(_azureFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    private static async Task ReplaceAsync(string file, string oldText, string newText)
    {
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    /// <summary>Exit 0 and no diagnostic at all: Bicep writes warnings (and infos) to stderr but still exits 0 for them.</summary>
    private static bool IsClean(ProcessResult result) =>
        result.ExitCode == 0 && string.IsNullOrWhiteSpace(result.Stderr);

    private static void AssertCleanSuccess(ProcessResult result, string what) =>
        Assert.True(IsClean(result), $"{what} failed or reported diagnostics.\n{result}");

    private async Task<ProcessResult> BicepAsync(string[] arguments, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(BicepCli.Path) { WorkingDirectory = _temp.FullName };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // The secrets come only from the test, never from the environment the tests happen to run in.
        foreach (var name in s_secretVariables.Keys)
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }
        var result = await ExternalProcess.RunAsync(start, s_timeout, "the Bicep CLI comes from the Azure.Bicep.CommandLine.linux-x64 NuGet package: restore the test project.");
        _output.WriteLine($"bicep {string.Join(' ', arguments.Select(a => a.StartsWith('-') ? a : Path.GetFileName(a)))}: exit {result.ExitCode}\n{result.Stderr}");
        return result;
    }

    [GeneratedRegex(@"^var baseSettings = \{(?<body>.*?)^\}", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex SettingsBlock();

    [GeneratedRegex(@"^\s*(?<key>[A-Za-z_][A-Za-z0-9_]*): (?<value>.+)$", RegexOptions.Multiline)]
    private static partial Regex Setting();
}
