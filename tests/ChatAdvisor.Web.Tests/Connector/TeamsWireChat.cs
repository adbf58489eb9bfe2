using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ChatAdvisor.Web.Tests.Connector;

/// <summary>
/// One Teams conversation with the bot, as the Bot Connector puts its activities on the wire (see the Teams bot activities documentation):
/// Teams ids, the tenant in <c>channelData</c> and on the conversation, a text/html copy of every message.
/// Builds JSON bodies for <c>/api/messages</c> (tests that skip the endpoint deserialize them for the bot's turn
/// handler); each activity gets a fresh Teams-like id.
/// </summary>
public sealed class TeamsWireChat(string serviceUrl, string tenantId = BotServiceFixture.AllowedTenant, string conversationType = "personal")
{
    public const string BotName = "ChatAdvisor";

    private static long s_lastId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public string ServiceUrl { get; } = serviceUrl;

    public string TenantId { get; } = tenantId;

    public bool IsGroup => conversationType != "personal";

    public string Id { get; } = conversationType == "personal"
        ? "a:1" + RandomId()
        : $"19:{RandomNumberGenerator.GetHexString(32, lowercase: true)}@thread.v2";

    public string UserId { get; } = "29:1" + RandomId();

    public string AadObjectId { get; } = Guid.NewGuid().ToString();

    /// <summary>A message from the user; <paramref name="mentionBot"/> adds the Teams mention entity for the bot.</summary>
    public JsonObject Message(string text, bool mentionBot = false, params JsonObject[] files)
    {
        var activity = Activity("message", NextMessageId());
        activity["text"] = text;
        activity["textFormat"] = "plain";
        activity["attachments"] = new JsonArray([.. files, new JsonObject
        {
            ["contentType"] = "text/html",
            ["content"] = $"<p>{WebUtility.HtmlEncode(text)}</p>",
        }]);
        var entities = new JsonArray(new JsonObject
        {
            ["type"] = "clientInfo",
            ["locale"] = "en-GB",
            ["country"] = "GB",
            ["platform"] = "Web",
            ["timezone"] = "Europe/London",
        });
        if (mentionBot)
        {
            entities.Add(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = $"<at>{BotName}</at>",
                ["mentioned"] = new JsonObject { ["id"] = BotServiceFixture.BotId, ["name"] = BotName },
            });
        }
        activity["entities"] = entities;
        return activity;
    }

    /// <summary>An invoke such as Teams' feedback submission, replying to <paramref name="replyToId"/>.</summary>
    public JsonObject Invoke(string name, JsonNode? value, string? replyToId = null)
    {
        var activity = Activity("invoke", "f:" + RandomNumberGenerator.GetHexString(20, lowercase: true));
        activity["name"] = name;
        activity["value"] = value;
        if (replyToId is not null)
        {
            activity["replyToId"] = replyToId;
        }
        return activity;
    }

    /// <summary>Teams' feedback loop: the user chose thumbs up or down on an answer and (maybe) wrote why.</summary>
    public JsonObject Feedback(string answerId, string reaction, string? feedbackText)
    {
        var feedback = feedbackText is null ? "" : new JsonObject { ["feedbackText"] = feedbackText }.ToJsonString();
        return Invoke("message/submitAction", new JsonObject
        {
            ["actionName"] = "feedback",
            ["actionValue"] = new JsonObject { ["reaction"] = reaction, ["feedback"] = feedback },
        }, answerId);
    }

    /// <summary>The bot (and the user) added to this conversation, as on installation.</summary>
    public JsonObject BotAdded()
    {
        var activity = Activity("conversationUpdate", "f:" + RandomNumberGenerator.GetHexString(20, lowercase: true));
        activity["membersAdded"] = new JsonArray(
            new JsonObject { ["id"] = BotServiceFixture.BotId },
            new JsonObject { ["id"] = UserId, ["aadObjectId"] = AadObjectId });
        return activity;
    }

    /// <summary>An <c>installationUpdate</c> with <paramref name="action"/> (add, remove, …).</summary>
    public JsonObject InstallationUpdate(string action)
    {
        var activity = Activity("installationUpdate", "f:" + RandomNumberGenerator.GetHexString(20, lowercase: true));
        activity["action"] = action;
        return activity;
    }

    /// <summary>What Teams sends for a file attached in a personal chat: a pre-authenticated download link.</summary>
    public static JsonObject FileDownloadInfo(string downloadUrl, string name) => new()
    {
        ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
        ["name"] = name,
        ["contentUrl"] = "https://contoso-my.sharepoint.com/personal/grace_contoso_com/Documents/Microsoft%20Teams%20Chat%20Files/" + Uri.EscapeDataString(name),
        ["content"] = new JsonObject
        {
            ["downloadUrl"] = downloadUrl,
            ["uniqueId"] = Guid.NewGuid().ToString(),
            ["fileType"] = Path.GetExtension(name).TrimStart('.'),
        },
    };

    private JsonObject Activity(string type, string id)
    {
        var conversation = new JsonObject
        {
            ["conversationType"] = conversationType,
            ["tenantId"] = TenantId,
            ["id"] = Id,
        };
        if (IsGroup)
        {
            conversation["isGroup"] = true;
        }
        return new JsonObject
        {
            ["type"] = type,
            ["id"] = id,
            ["timestamp"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["localTimestamp"] = DateTimeOffset.Now.ToString("O", CultureInfo.InvariantCulture),
            ["localTimezone"] = "Europe/London",
            ["serviceUrl"] = ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Grace Hopper", ["aadObjectId"] = AadObjectId },
            ["conversation"] = conversation,
            ["recipient"] = new JsonObject { ["id"] = BotServiceFixture.BotId, ["name"] = BotName },
            ["locale"] = "en-GB",
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        };
    }

    /// <summary>Teams message ids are increasing millisecond-like numbers.</summary>
    private static string NextMessageId() => Interlocked.Increment(ref s_lastId).ToString(CultureInfo.InvariantCulture);

    private static string RandomId() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', '-').Replace('/', '_');
}
