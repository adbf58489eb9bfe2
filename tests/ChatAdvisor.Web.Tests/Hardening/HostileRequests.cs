using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatAdvisor.Web.Tests.Infrastructure;

namespace ChatAdvisor.Web.Tests.Hardening;

/// <summary>Generators of malformed requests, one per public route, all drawn from one seeded random source.</summary>
internal sealed class HostileRequests(Random random, DirectLineClient visitor)
{
    private static readonly string[] s_fields = ["type", "text", "attachments", "channelData", "from", "conversation", "value", "entities", "membersAdded", "locale", "name", "action", "recipient", "channelId", "serviceUrl", "id"];

    private static readonly string[] s_fileNames = ["cv.pdf", "a\rb.pdf", "a\r\nContent-Type: text/html\r\n.pdf", "\u0000.pdf", "..\\..\\x.pdf", "../../etc/passwd", "\"quoted\".pdf", "", " ", "é\u2028ü.docx", new string('n', 5000)];

    public IEnumerable<Func<HttpRequestMessage>> Routes =>
    [
        () => Json(HttpMethod.Post, $"/v3/directline/conversations/{visitor.ConversationId}/activities", visitor.Token),
        () => Upload($"/v3/directline/conversations/{visitor.ConversationId}/upload?userId=u", visitor.Token),
        () => Json(HttpMethod.Post, "/api/messages", token: null),
        () => Json(HttpMethod.Post, "/api/webchat/token", token: null),
        () => Json(HttpMethod.Post, random.Next(3) switch { 0 => "/v3/directline/tokens/refresh", 1 => "/v3/directline/conversations", _ => "/v3/directline/tokens/generate" }, Garbled(visitor.Token)),
        () => LinkUpload(),
        () => new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{Uri.EscapeDataString(Pick(["x", visitor.ConversationId, "%00", new string('c', 3000)]))}/activities?watermark={Uri.EscapeDataString(Pick(["-1", "99999999999999999999", "abc", "", "1"]))}")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Pick([visitor.Token, Garbled(visitor.Token), "x"])) },
        },
    ];

    private HttpRequestMessage Json(HttpMethod method, string path, string? token)
    {
        var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(JsonBody()) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", Pick(["application/json", "text/plain", "application/json; charset=utf-16"]));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return request;
    }

    /// <summary>A plausible activity with some fields given hostile values, sometimes truncated or made huge.</summary>
    private byte[] JsonBody()
    {
        var activity = new JsonObject
        {
            ["type"] = Pick(["message", "event", "typing", "installationUpdate", "conversationUpdate", "invoke", "endOfConversation"]),
            ["text"] = "What does a QA specialist do?",
            ["channelId"] = Pick(["emulator", "msteams", "directline", "webchat"]),
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["conversation"] = new JsonObject { ["id"] = Pick([visitor.ConversationId, "c-" + random.Next(1000)]) },
            ["from"] = new JsonObject { ["id"] = "u" },
            ["id"] = "a" + random.Next(100000),
        };
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            activity[Pick(s_fields)] = HostileValue();
        }
        var text = activity.ToJsonString();
        return random.Next(10) switch
        {
            0 => Encoding.UTF8.GetBytes(text[..random.Next(text.Length)]),
            1 => Encoding.UTF8.GetBytes(new string('[', 5000)),
            2 => [.. Enumerable.Range(0, random.Next(1, 200)).Select(_ => (byte)random.Next(256))],
            _ => Encoding.UTF8.GetBytes(text),
        };
    }

    private JsonNode? HostileValue() => random.Next(12) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next()),
        2 => new JsonArray((JsonNode?)null),
        3 => "a string",
        4 => new JsonObject(),
        5 => JsonValue.Create(true),
        6 => new JsonArray(JsonValue.Create(1), "x"),
        7 => new string('x', random.Next(5_000, 400_000)),
        8 => new JsonObject { ["tenant"] = "t", ["id"] = 3, ["actionName"] = 4, ["actionValue"] = "v" },
        9 => new JsonArray(new JsonObject { ["type"] = 7, ["mentioned"] = "m", ["@type"] = new JsonArray() }),
        10 => JsonValue.Create(1e300),
        _ => new JsonArray(new JsonObject { ["name"] = 5, ["contentUrl"] = new JsonObject(), ["content"] = "c" }),
    };

    private HttpRequestMessage Upload(string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(Multipart(out var boundary)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Content.Headers.TryAddWithoutValidation("Content-Type", Pick([$"multipart/form-data; boundary={boundary}", "multipart/form-data", "multipart/form-data; boundary=\"\"", "application/pdf", "application/x-www-form-urlencoded"]));
        if (random.Next(4) == 0)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Disposition", $"attachment; filename=\"{Pick(s_fileNames)}\"");
        }
        return request;
    }

    private HttpRequestMessage LinkUpload()
    {
        var request = new HttpRequestMessage(random.Next(3) == 0 ? HttpMethod.Get : HttpMethod.Post, "/cv/upload/" + Uri.EscapeDataString(Pick(["x", new string('t', 500), "%2e%2e"])))
        {
            Content = new ByteArrayContent(Multipart(out var boundary)),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        return request;
    }

    /// <summary>Raw multipart bytes with hostile headers and names, sometimes cut off mid-part.</summary>
    private byte[] Multipart(out string boundary)
    {
        boundary = "b" + random.Next(1_000_000);
        var body = new StringBuilder();
        if (random.Next(3) > 0)
        {
            body.Append(CultureInfo.InvariantCulture, $"--{boundary}\r\nContent-Disposition: form-data; name=\"activity\"; filename=\"blob\"\r\nContent-Type: application/vnd.microsoft.activity\r\n\r\n");
            body.Append(Encoding.UTF8.GetString(JsonBody())).Append("\r\n");
        }
        for (var i = random.Next(0, 8); i > 0; i--)
        {
            body.Append(CultureInfo.InvariantCulture, $"--{boundary}\r\n");
            body.Append(random.Next(8) == 0 ? "Content-Type: text/plain\r\n" : $"Content-Disposition: form-data; name=\"{Pick(["file", "activity", "", "\r"])}\"; filename=\"{Pick(s_fileNames)}\"\r\n");
            body.Append(CultureInfo.InvariantCulture, $"Content-Type: {Pick(["application/pdf", "text/html", "", "x\u0001y", "a/b; c=\"d"])}\r\n\r\n");
            body.Append(new string('%', random.Next(0, 30_000))).Append("\r\n");
        }
        body.Append(CultureInfo.InvariantCulture, $"--{boundary}--\r\n");
        var bytes = Encoding.UTF8.GetBytes(body.ToString());
        return random.Next(4) == 0 ? bytes[..random.Next(bytes.Length)] : bytes;
    }

    private string Garbled(string token) => random.Next(3) switch
    {
        0 => token[..random.Next(token.Length)],
        1 => token.Replace('a', 'b'),
        _ => token,
    };

    private string Pick(string[] options) => options[random.Next(options.Length)];
}
