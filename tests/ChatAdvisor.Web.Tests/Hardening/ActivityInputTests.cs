using System.Text;
using ChatAdvisor.Web.Bot.Protocol;
using ChatAdvisor.Web.Hosting;

namespace ChatAdvisor.Web.Tests.Hardening;

/// <summary>Reading an activity body within the size limit, whether or not the client says how long it is.</summary>
public sealed class ActivityInputTests
{
    private static readonly InputLimitsOptions Limits = new() { MaxActivityBytes = 64 * 1024 };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABodyLargerThanTheFirstBufferIsReadWhole(bool withLength)
    {
        var json = Message(new string('x', 3_900), padding: 20_000);
        var (activity, problem, _) = await ReadAsync(json, withLength ? json.Length : null);

        Assert.Null(problem);
        Assert.Equal(3_900, activity!.Text!.Length);
    }

    [Fact]
    public async Task AContentLengthThatUnderstatesTheBodyStillReadsAllOfIt()
    {
        var json = Message("hello", padding: 10_000);
        var (activity, problem, _) = await ReadAsync(json, 100);

        Assert.Null(problem);
        Assert.Equal("hello", activity!.Text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABodyOverTheLimitIsRefusedWith413(bool withLength)
    {
        var json = Message("hello", padding: 70 * 1024);
        var (activity, problem, status) = await ReadAsync(json, withLength ? json.Length : null);

        Assert.Null(activity);
        Assert.Equal(413, status);
        Assert.Contains("64 KB", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyOfExactlyTheLimitIsAccepted()
    {
        var json = Message("hello", padding: 0);
        json = Message("hello", padding: Limits.MaxActivityBytes - json.Length);
        Assert.Equal(Limits.MaxActivityBytes, json.Length);

        var (activity, problem, _) = await ReadAsync(json, null);

        Assert.Null(problem);
        Assert.Equal("hello", activity!.Text);
    }

    [Fact]
    public async Task BrokenJsonIsRefusedWith400()
    {
        var (activity, problem, status) = await ReadAsync("{\"type\": \"message\", \"text\": ", null);

        Assert.Null(activity);
        Assert.Equal(400, status);
        Assert.StartsWith("The activity is not valid JSON", problem, StringComparison.Ordinal);
    }

    /// <summary>A message activity whose JSON is made longer by spaces after its last property.</summary>
    private static string Message(string text, int padding) =>
        $"{{\"type\":\"message\",\"text\":\"{text}\"{new string(' ', padding)}}}";

    private static async Task<(Activity?, string?, int)> ReadAsync(string json, long? contentLength)
    {
        // A stream that hands out small pieces, as a socket does.
        await using var body = new BufferedStream(new MemoryStream(Encoding.UTF8.GetBytes(json)), 1000);
        return await ActivityInput.ReadAsync(body, contentLength, Limits, CancellationToken.None);
    }
}
