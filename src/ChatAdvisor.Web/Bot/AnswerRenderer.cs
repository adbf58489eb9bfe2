using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ChatAdvisor.Advice;
using ChatAdvisor.Web.Bot.Protocol;

namespace ChatAdvisor.Web.Bot;

/// <summary>
/// Turns an <see cref="Answer"/> into a message the channel renders natively: a schema.org Message entity
/// marked as AI-generated with one Claim per citation (Teams and Web Chat both read it), Markdown link
/// definitions <c>[n]: cite:n</c> for Web Chat, and the follow-up questions as suggested actions.
/// </summary>
internal static class AnswerRenderer
{
    /// <summary>Prefix of the answer reference carried by the rating buttons.</summary>
    public const string FeedbackPrefix = "urn:chatadvisor:answer:";

    private const int MaxAbstract = 160;

    public static Activity Render(TurnContext turn, Answer answer)
    {
        var text = new StringBuilder(answer.Text);
        if (turn.Channel.CitationsInText && answer.Citations.Count > 0)
        {
            text.Append("\n\n");
            foreach (var citation in answer.Citations)
            {
                text.Append(CultureInfo.InvariantCulture, $"[{citation.Position}]: cite:{citation.Position} \"{Escape(citation.Label)}\"\n");
            }
        }
        var answerRef = Guid.NewGuid().ToString("N");
        var entity = AiMessageEntity(answer.Citations);
        // Rating buttons: Web Chat shows thumbs for Like/Dislike actions and sends the chosen one back; Teams has its
        // own feedback loop, switched on per message.
        entity["potentialAction"] = new JsonArray(
            new JsonObject { ["@type"] = "LikeAction", ["@id"] = FeedbackPrefix + answerRef },
            new JsonObject { ["@type"] = "DislikeAction", ["@id"] = FeedbackPrefix + answerRef });
        return WithSuggestions(turn.CreateReply(text.ToString().TrimEnd()), answer.SuggestedQuestions) with
        {
            Entities = [entity],
            ChannelData = turn.Channel.HasFeedbackLoop ? new JsonObject { ["feedbackLoopEnabled"] = true } : null,
            Trace = new AnswerTrace(Mode(answer), answer.Confidence, [.. answer.Citations.Select(c => c.Key)], answerRef),
        };
    }

    /// <summary>How the answer came about, for the transcript: "generative", "extractive", "declined",
    /// "extractive (model answer rejected: unsupported-figure)" when a configured model's answer failed a check, or
    /// "generative (translated from en)" when a model wrote it in the visitor's language from another language's guide.</summary>
    private static string Mode(Answer answer) =>
        answer.Kind == AnswerKind.Abstained ? "declined"
            : answer.GenerationFallback is { } reason ? $"{answer.Mode} (model answer rejected: {reason})"
            : answer.TranslatedFrom is { } from ? $"{answer.Mode} (translated from {from})"
            : answer.Mode;

    public static Activity WithSuggestions(Activity reply, IReadOnlyList<string> questions) =>
        questions.Count == 0
            ? reply
            : reply with { SuggestedActions = new SuggestedActions([.. questions.Select(q => new CardAction("imBack", q, JsonValue.Create(q)))]) };

    /// <summary>The schema.org Message entity; <c>@id</c> "" binds it to the activity itself.</summary>
    public static JsonObject AiMessageEntity(IReadOnlyList<Citation> citations)
    {
        var entity = new JsonObject
        {
            ["type"] = "https://schema.org/Message",
            ["@type"] = "Message",
            ["@context"] = "https://schema.org",
            ["@id"] = "",
            ["additionalType"] = new JsonArray("AIGeneratedContent"),
        };
        if (citations.Count > 0)
        {
            entity["citation"] = new JsonArray([.. citations.Select(Claim)]);
        }
        return entity;
    }

    private static JsonObject Claim(Citation citation) => new()
    {
        ["@type"] = "Claim",
        ["position"] = citation.Position,
        ["appearance"] = new JsonObject
        {
            ["@type"] = "DigitalDocument",
            ["name"] = Truncate(citation.Label, 80),
            ["abstract"] = Truncate(Plain(citation.Excerpt), MaxAbstract),
            ["text"] = citation.Excerpt,
            ["keywords"] = new JsonArray(citation.GuideId, citation.SectionId),
        },
    };

    private static string Plain(string markdown) =>
        markdown.Replace("**", "", StringComparison.Ordinal).Replace("\n- ", " ", StringComparison.Ordinal).Replace('\n', ' ').Trim();

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..(max - 1)].TrimEnd() + "…";

    private static string Escape(string value) => value.Replace("\"", "'", StringComparison.Ordinal);
}
