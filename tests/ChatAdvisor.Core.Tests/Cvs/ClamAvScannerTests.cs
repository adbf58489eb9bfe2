using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using ChatAdvisor.Core.Tests.Infrastructure;
using ChatAdvisor.Cvs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Core.Tests.Cvs;

public sealed class ClamAvScannerTests
{
    private const string TestSignature = "ChatAdvisor.TestSignature.UNOFFICIAL";

    /// <summary>The event the scanner logs when clamd did not answer within its timeout (named after its log method).</summary>
    private const string TimedOutEvent = "ScanTimedOut";

    [ClamdFact]
    public async Task TheRealClamdFindsTheTestSignatureInTheSample()
    {
        var scan = await RealClamd().ScanAsync(new MemoryStream(Sample()), CancellationToken.None);

        Assert.Equal(new MalwareScan(MalwareVerdict.Infected, TestSignature), scan);
    }

    [ClamdFact]
    public async Task TheRealClamdFindsADifferentFileClean()
    {
        var scanner = RealClamd();

        Assert.Equal(MalwareVerdict.Clean, (await scanner.ScanAsync(new MemoryStream([.. Sample(), (byte)'!']), CancellationToken.None)).Verdict);
        Assert.Equal(MalwareVerdict.Clean, (await scanner.ScanAsync(new MemoryStream(CvSamples.Docx()), CancellationToken.None)).Verdict);
        Assert.True(await scanner.PingAsync(CancellationToken.None));
    }

    [ClamdFact]
    public async Task TheRealClamdScansAFileSentInManyChunks()
    {
        var large = new byte[3 * 1024 * 1024 + 17]; // 49 chunks of 64 KB and a short one
        new Random(7).NextBytes(large);

        Assert.Equal(MalwareVerdict.Clean, (await RealClamd().ScanAsync(new MemoryStream(large), CancellationToken.None)).Verdict);
    }

    [Fact]
    public async Task AnUnreachableClamdMeansUnavailable()
    {
        var scanner = Scanner(IPAddress.Loopback.ToString(), UnusedPort());

        Assert.Equal(new MalwareScan(MalwareVerdict.Unavailable, null), await scanner.ScanAsync(new MemoryStream(Sample("x")), CancellationToken.None));
        Assert.False(await scanner.PingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WhenDisabledEveryFileIsCleanWithoutConnecting()
    {
        var content = new MemoryStream(CvSamples.Pdf());

        var scan = await Scanner(IPAddress.Loopback.ToString(), UnusedPort(), enabled: false).ScanAsync(content, CancellationToken.None);

        Assert.Equal(MalwareVerdict.Clean, scan.Verdict);
        Assert.Equal(0, content.Position);
    }

    [Theory]
    [InlineData("stream: OK", MalwareVerdict.Clean, null)]
    [InlineData("stream: Win.Test.EICAR_HDB-1 FOUND", MalwareVerdict.Infected, "Win.Test.EICAR_HDB-1")]
    [InlineData("INSTREAM size limit exceeded. ERROR", MalwareVerdict.Unavailable, null)]
    [InlineData("stream: Can't allocate memory ERROR", MalwareVerdict.Unavailable, null)]
    public async Task RepliesAreReadAfterSendingTheStreamInInstreamFraming(string reply, MalwareVerdict verdict, string? signature)
    {
        using var fake = new TcpListener(IPAddress.Loopback, 0);
        fake.Start();
        var content = new byte[150_000];
        new Random(3).NextBytes(content);
        var received = FakeClamdAsync(fake, reply);

        var scan = await Scanner(IPAddress.Loopback.ToString(), ((IPEndPoint)fake.LocalEndpoint).Port).ScanAsync(new MemoryStream(content), CancellationToken.None);

        Assert.Equal(new MalwareScan(verdict, signature), scan);
        Assert.Equal(content, await received);
    }

    [Fact]
    public async Task AClamdThatDoesNotAnswerInTimeMeansUnavailable()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var log = new RecordingLogger<ClamAvScanner>();
        var scanner = Scanner(IPAddress.Loopback.ToString(), ((IPEndPoint)silent.LocalEndpoint).Port, timeout: TimeSpan.FromMilliseconds(300), logger: log);

        // The listener takes the connection but never answers: only the scanner's own timeout can end the scan (the
        // wait here just turns a scanner without one into a failure instead of a hang).
        var scan = await scanner.ScanAsync(new MemoryStream(Sample("x")), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(MalwareVerdict.Unavailable, scan.Verdict);
        Assert.Equal([TimedOutEvent], log.Events.Select(e => e.Name));
    }

    /// <summary>Accepts one connection, checks the command, reassembles the chunks and sends <paramref name="reply"/>.</summary>
    private static async Task<byte[]> FakeClamdAsync(TcpListener listener, string reply)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var network = client.GetStream();
        var command = new byte["zINSTREAM\0".Length];
        await network.ReadExactlyAsync(command);
        Assert.Equal("zINSTREAM\0"u8.ToArray(), command);
        var received = new MemoryStream();
        var length = new byte[4];
        while (true)
        {
            await network.ReadExactlyAsync(length);
            var chunk = new byte[BinaryPrimitives.ReadUInt32BigEndian(length)];
            if (chunk.Length == 0)
            {
                break;
            }
            Assert.True(chunk.Length <= 64 * 1024);
            await network.ReadExactlyAsync(chunk);
            received.Write(chunk);
        }
        await network.WriteAsync(CvSamples.Utf8(reply + "\0"));
        return received.ToArray();
    }

    private static ClamAvScanner RealClamd()
    {
        var address = Environment.GetEnvironmentVariable(ClamdFactAttribute.AddressVariable);
        if (string.IsNullOrWhiteSpace(address))
        {
            Assert.Fail($"CI=true but {ClamdFactAttribute.AddressVariable} is not set: CI must provide a clamd (test.sh starts one).");
        }
        var colon = address.LastIndexOf(':');
        return Scanner(address[..colon], int.Parse(address[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The sample file test.sh wrote, whose MD5 is clamd's only signature; with a suffix, a file that differs from it.</summary>
    private static byte[] Sample(string suffix = "")
    {
        var path = Environment.GetEnvironmentVariable(ClamdFactAttribute.SampleVariable);
        if (string.IsNullOrWhiteSpace(path))
        {
            return suffix.Length > 0 ? CvSamples.Utf8("not the clamd sample " + suffix) : throw new InvalidOperationException(
                $"{ClamdFactAttribute.SampleVariable} is not set: it names the sample file test.sh writes next to its clamd.");
        }
        return [.. File.ReadAllBytes(path), .. CvSamples.Utf8(suffix)];
    }

    private static ClamAvScanner Scanner(string host, int port, bool enabled = true, TimeSpan? timeout = null, ILogger<ClamAvScanner>? logger = null) => new(
        Options.Create(new CvOptions { ClamAv = new ClamAvOptions { Enabled = enabled, Host = host, Port = port, Timeout = timeout ?? TimeSpan.FromSeconds(10) } }),
        TimeProvider.System,
        logger ?? NullLogger<ClamAvScanner>.Instance);

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
