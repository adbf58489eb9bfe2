using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ChatAdvisor.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ChatAdvisor.Web.Tests.Teams;

/// <summary>
/// Builds the Teams app package with deploy/teams/build-package.sh into a temporary folder and checks the zip: the
/// files at its root, the manifest (validated offline against the Teams schema by validate-manifest.mjs) and the icons.
/// </summary>
public sealed class TeamsPackageTests : IDisposable
{
    private const string BotAppId = "6f1c2b7e-3d4a-4c5b-9e8f-0a1b2c3d4e5f";
    private const string TeamsAppId = "0e9d8c7b-6a5f-4e3d-8c2b-1a0f9e8d7c6b";
    private const string Domain = "careers.example.com";
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);
    private static readonly byte[] s_pngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly string[] s_inputVariables = ["BOT_APP_ID", "APP_ID", "APP_VERSION", "VALID_DOMAIN", "OUT"];

    private readonly ITestOutputHelper _output;
    private readonly string _root = ChatAdvisorApp.RepositoryRoot;
    private readonly string _teamsFolder;
    private readonly DirectoryInfo _temp;

    public TeamsPackageTests(ITestOutputHelper output)
    {
        _output = output;
        _teamsFolder = Path.Combine(_root, "deploy", "teams");
        foreach (var package in new[] { "ajv", "ajv-draft-04", "ajv-formats", "@microsoft/app-manifest" })
        {
            Assert.True(File.Exists(Path.Combine(_root, "node_modules", package, "package.json")),
                $"node_modules/{package} is missing: run 'npm ci' in {_root} (test.sh does this).");
        }
        _temp = Directory.CreateTempSubdirectory("chatadvisor-teams-");
    }

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
    public async Task TheScriptBuildsASchemaValidPackageFromEnvironmentVariables()
    {
        var outFolder = Path.Combine(_temp.FullName, "out");
        var result = await RunAsync("bash", [Path.Combine(_teamsFolder, "build-package.sh")], new()
        {
            ["BOT_APP_ID"] = BotAppId.ToUpperInvariant(),
            ["APP_ID"] = TeamsAppId,
            ["APP_VERSION"] = "2.3.4",
            ["VALID_DOMAIN"] = Domain,
            ["OUT"] = outFolder,
        });

        Assert.True(result.ExitCode == 0, $"build-package.sh failed (exit {result.ExitCode}).\n{result}");
        Assert.Contains("Schema validation passed: manifest.json conforms to the Teams manifest schema v1.30", result.Stdout, StringComparison.Ordinal);
        var manifest = AssertPackage(Path.Combine(outFolder, "chatadvisor-teams.zip"));
        // GUIDs are written in lower case whatever case they were given in.
        Assert.Equal(TeamsAppId, manifest.GetProperty("id").GetString());
        Assert.Equal("2.3.4", manifest.GetProperty("version").GetString());
    }

    [Fact]
    public async Task OptionsWorkTooAndTheTeamsAppIdDefaultsToTheBotId()
    {
        var outFolder = Path.Combine(_temp.FullName, "options");
        var result = await RunAsync("bash",
            [Path.Combine(_teamsFolder, "build-package.sh"), "--bot-app-id", BotAppId, "--valid-domain", Domain, "--out", outFolder],
            []);

        Assert.True(result.ExitCode == 0, $"build-package.sh failed (exit {result.ExitCode}).\n{result}");
        Assert.Contains("Schema validation passed", result.Stdout, StringComparison.Ordinal);
        var manifest = AssertPackage(Path.Combine(outFolder, "chatadvisor-teams.zip"));
        Assert.Equal(BotAppId, manifest.GetProperty("id").GetString());
        Assert.Equal("1.0.0", manifest.GetProperty("version").GetString());
    }

    [Theory]
    [InlineData("not-a-guid", Domain, "BOT_APP_ID 'not-a-guid' is not a GUID")]
    [InlineData("", Domain, "BOT_APP_ID is required")]
    [InlineData(BotAppId, "", "VALID_DOMAIN is required")]
    [InlineData(BotAppId, "https://careers.example.com", "VALID_DOMAIN 'https://careers.example.com' must be a host name only, without a scheme")]
    public async Task InvalidInputsFailWithAClearMessageAndWriteNothing(string botAppId, string domain, string message)
    {
        var outFolder = Path.Combine(_temp.FullName, "refused");
        var result = await RunAsync("bash", [Path.Combine(_teamsFolder, "build-package.sh")], new()
        {
            ["BOT_APP_ID"] = botAppId,
            ["VALID_DOMAIN"] = domain,
            ["OUT"] = outFolder,
        });

        Assert.True(result.ExitCode != 0, $"build-package.sh accepted BOT_APP_ID='{botAppId}', VALID_DOMAIN='{domain}'.\n{result}");
        Assert.Contains("build-package: error: " + message, result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(outFolder, "chatadvisor-teams.zip")), "A package was written despite the error.");
    }

    [Fact]
    public async Task TheValidatorReportsSchemaErrorsWithTheirPaths()
    {
        var template = await File.ReadAllTextAsync(Path.Combine(_teamsFolder, "manifest.template.json"));
        var filled = template.Replace("${BOT_APP_ID}", BotAppId, StringComparison.Ordinal)
            .Replace("${APP_ID}", TeamsAppId, StringComparison.Ordinal)
            .Replace("${APP_VERSION}", "1.0.0", StringComparison.Ordinal)
            .Replace("${VALID_DOMAIN}", Domain, StringComparison.Ordinal);
        var validator = Path.Combine(_teamsFolder, "validate-manifest.mjs");

        // Control: the filled-in template as it is passes, so the failures below come from the edits alone.
        var good = Path.Combine(_temp.FullName, "good.json");
        await File.WriteAllTextAsync(good, filled);
        var passed = await RunAsync("node", [validator, good], []);
        Assert.True(passed.ExitCode == 0, $"The filled-in template does not validate.\n{passed}");

        var bad = Path.Combine(_temp.FullName, "bad.json");
        await File.WriteAllTextAsync(bad, filled
            .Replace("\"supportsFiles\": true", "\"supportsFiles\": \"yes\"", StringComparison.Ordinal)
            .Replace("\"accentColor\": \"#0B4F6C\"", "\"accentColor\": 1234", StringComparison.Ordinal));
        var failed = await RunAsync("node", [validator, bad], []);

        Assert.True(failed.ExitCode == 1, $"The broken manifest was not refused with exit 1.\n{failed}");
        Assert.Contains("Schema validation FAILED", failed.Stderr, StringComparison.Ordinal);
        Assert.Contains("/bots/0/supportsFiles: must be boolean", failed.Stderr, StringComparison.Ordinal);
        Assert.Contains("/accentColor: must be string", failed.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Schema validation passed", failed.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommittedIconsAreWhatMakeIconsDraws()
    {
        var drawn = Path.Combine(_temp.FullName, "icons");
        var result = await RunAsync("node", [Path.Combine(_teamsFolder, "make-icons.mjs"), drawn], []);
        Assert.True(result.ExitCode == 0, $"make-icons.mjs failed.\n{result}");
        foreach (var name in new[] { "color.png", "outline.png" })
        {
            var committed = DecodePng(await File.ReadAllBytesAsync(Path.Combine(_teamsFolder, name)));
            var fresh = DecodePng(await File.ReadAllBytesAsync(Path.Combine(drawn, name)));
            Assert.True(committed.Width == fresh.Width && committed.Rgba.AsSpan().SequenceEqual(fresh.Rgba),
                $"deploy/teams/{name} differs from what make-icons.mjs draws: run 'node deploy/teams/make-icons.mjs'.");
        }
    }

    /// <summary>Checks the zip's entries, manifest and icons; returns the manifest's root element.</summary>
    private static JsonElement AssertPackage(string zipPath)
    {
        Assert.True(File.Exists(zipPath), $"{zipPath} was not written.");
        using var archive = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        var text = ReadEntry(archive, "manifest.json");
        Assert.DoesNotContain("${", Encoding.UTF8.GetString(text), StringComparison.Ordinal);
        var manifest = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json", manifest.GetProperty("$schema").GetString());
        Assert.Equal("1.30", manifest.GetProperty("manifestVersion").GetString());
        Assert.Equal("#0B4F6C", manifest.GetProperty("accentColor").GetString());

        var developer = manifest.GetProperty("developer");
        Assert.Equal("ChatAdvisor", developer.GetProperty("name").GetString());
        Assert.Equal($"https://{Domain}/", developer.GetProperty("websiteUrl").GetString());
        Assert.Equal($"https://{Domain}/privacy", developer.GetProperty("privacyUrl").GetString());
        Assert.StartsWith($"https://{Domain}/", developer.GetProperty("termsOfUseUrl").GetString(), StringComparison.Ordinal);
        Assert.Contains("does not rank", manifest.GetProperty("description").GetProperty("full").GetString(), StringComparison.Ordinal);

        var bots = manifest.GetProperty("bots");
        Assert.Equal(1, bots.GetArrayLength());
        var bot = bots[0];
        Assert.Equal(BotAppId, bot.GetProperty("botId").GetString());
        Assert.True(bot.GetProperty("supportsFiles").GetBoolean());
        Assert.False(bot.GetProperty("isNotificationOnly").GetBoolean());
        Assert.Equal(["groupChat", "personal", "team"], Strings(bot.GetProperty("scopes")).Order(StringComparer.Ordinal));
        var lists = bot.GetProperty("commandLists").EnumerateArray().ToList();
        Assert.Equal(["groupChat", "personal", "team"], lists.SelectMany(l => Strings(l.GetProperty("scopes"))).Order(StringComparer.Ordinal));
        Assert.All(lists, l => Assert.InRange(l.GetProperty("commands").GetArrayLength(), 3, 5));
        Assert.Contains("Send my CV", lists.SelectMany(l => l.GetProperty("commands").EnumerateArray()).Select(c => c.GetProperty("title").GetString()));

        Assert.Equal([Domain], Strings(manifest.GetProperty("validDomains")));
        var icons = manifest.GetProperty("icons");
        Assert.Equal("color.png", icons.GetProperty("color").GetString());
        Assert.Equal("outline.png", icons.GetProperty("outline").GetString());

        AssertColorIcon(ReadEntry(archive, "color.png"));
        AssertOutlineIcon(ReadEntry(archive, "outline.png"));
        return manifest;
    }

    private static void AssertColorIcon(byte[] png)
    {
        Assert.Equal((192, 192), ReadIhdrSize(png));
        var (width, _, rgba) = DecodePng(png);
        Assert.Equal((0x01, 0xBA, 0xEF, 255), Pixel(rgba, width, 96, 96)); // the diamond in the middle
        Assert.Equal((0x0B, 0x4F, 0x6C, 255), Pixel(rgba, width, 20, 96)); // the tile beside it
        Assert.Equal(0, Pixel(rgba, width, 0, 0).A); // a rounded-off corner
    }

    private static void AssertOutlineIcon(byte[] png)
    {
        Assert.Equal((32, 32), ReadIhdrSize(png));
        var (width, height, rgba) = DecodePng(png);
        var drawn = 0;
        for (var i = 0; i < width * height; i++)
        {
            var (r, g, b, a) = Pixel(rgba, width, i % width, i / width);
            if (a > 0)
            {
                Assert.True((r, g, b) == (255, 255, 255), $"outline.png has a non-white pixel at index {i}.");
                drawn++;
            }
        }
        Assert.InRange(drawn, 50, width * height / 2); // a thin outline, on a mostly transparent background
        Assert.Equal(0, Pixel(rgba, width, 16, 16).A); // the diamond is hollow
        Assert.Equal(0, Pixel(rgba, width, 0, 0).A);
    }

    private static (int Width, int Height) ReadIhdrSize(byte[] png)
    {
        Assert.True(png.Length > 24 && png.AsSpan(0, 8).SequenceEqual(s_pngSignature), "Not a PNG file.");
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    /// <summary>Decodes an 8-bit RGBA, non-interlaced PNG (any row filters) into RGBA bytes.</summary>
    private static (int Width, int Height, byte[] Rgba) DecodePng(byte[] png)
    {
        var (width, height) = ReadIhdrSize(png);
        Assert.True(png[24] == 8 && png[25] == 6 && png[28] == 0, "Expected an 8-bit RGBA PNG without interlacing.");
        using var compressed = new MemoryStream();
        for (var offset = 8; offset + 12 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            if (Encoding.ASCII.GetString(png, offset + 4, 4) == "IDAT")
            {
                compressed.Write(png, offset + 8, length);
            }
            offset += 12 + length;
        }
        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }
        var raw = inflated.ToArray();
        var stride = width * 4;
        Assert.Equal(height * (stride + 1), raw.Length);
        var rgba = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                int left = x >= 4 ? rgba[(y * stride) + x - 4] : 0;
                int up = y > 0 ? rgba[((y - 1) * stride) + x] : 0;
                int upLeft = x >= 4 && y > 0 ? rgba[((y - 1) * stride) + x - 4] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown PNG filter {filter}."),
                };
                rgba[(y * stride) + x] = (byte)(raw[(y * (stride + 1)) + 1 + x] + predictor);
            }
        }
        return (width, height, rgba);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static (int R, int G, int B, int A) Pixel(byte[] rgba, int width, int x, int y)
    {
        var o = ((y * width) + x) * 4;
        return (rgba[o], rgba[o + 1], rgba[o + 2], rgba[o + 3]);
    }

    private static byte[] ReadEntry(ZipArchive archive, string name)
    {
        using var stream = archive.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static List<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()).ToList();

    private async Task<ProcessResult> RunAsync(string fileName, string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = _root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        // Inputs come only from the test, never from the environment the tests happen to run in.
        foreach (var name in s_inputVariables)
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var result = await ExternalProcess.RunAsync(start, s_timeout, "the Teams package tests need bash and Node.js 18 or later.");
        _output.WriteLine($"{fileName} {string.Join(' ', arguments.Select(Path.GetFileName))}: {result}");
        return result;
    }
}
