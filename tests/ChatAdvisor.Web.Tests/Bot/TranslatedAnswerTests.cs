using System.Text.Json.Nodes;
using ChatAdvisor.Languages;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Web.Tests.Bot;

/// <summary>
/// Portuguese switched on without Portuguese guides, and a chat model configured: a visitor asking in Portuguese over
/// Direct Line gets the answer in Portuguese, written from the English guide, cited, and marked as a translation.
/// </summary>
public sealed class TranslatedAnswerTests
{
    private const string Question = "Quanto ganha um engenheiro de MLOps em início de carreira?";
    internal const string Written = "Os cargos de MLOps em início de carreira começam normalmente em cerca de €50,000 por ano [1].";

    [Fact]
    public async Task AVisitorInALanguageWithoutGuidesIsAnsweredInItFromTheEnglishGuideMarkedAsATranslation()
    {
        var chat = TranslatingModel();
        await using var app = PortugueseWithModel(chat);
        var client = await DirectLineClient.StartAsync(app.CreateClient());

        var asked = await client.SayAsync(Question, locale: "pt-PT");
        var final = await client.WaitForAsync(a => a["replyToId"]?.GetValue<string>() == asked && a["type"]?.GetValue<string>() == "message");

        var text = DirectLineClient.Text(final);
        Assert.StartsWith(Written, text, StringComparison.Ordinal);
        Assert.Contains(MessageSet.English.Get(MessageKeys.AnswerTranslated), text, StringComparison.Ordinal);
        Assert.Equal("pt", final["locale"]?.GetValue<string>());
        var claim = final["entities"]!.AsArray().Select(e => e!["citation"]?.AsArray()).OfType<JsonArray>().Single().Single()!;
        Assert.Equal("salary", claim["appearance"]!["keywords"]![1]!.GetValue<string>());
        Assert.Equal(2, chat.Calls);
    }

    /// <summary>The shipped languages and Portuguese (which has no guides) switched on, with <paramref name="chat"/> as the model.</summary>
    internal static ChatAdvisorApp PortugueseWithModel(IChatClient chat) => new(
        ((string[])["en", "de", "fr", "nl", "es", "it", "pt"]).Select((code, i) => (code, i)).ToDictionary(x => $"Languages:Enabled:{x.i}", x => (string?)x.code),
        s => s.AddSingleton(chat));

    /// <summary>A model that puts any question into the English one and writes <see cref="Written"/> as the answer.</summary>
    internal static ScriptedChatClient TranslatingModel() => new(messages => messages[0].Text.Contains("You translate messages", StringComparison.Ordinal)
        ? "How much does an entry-level MLOps engineer earn?"
        : Written);
}
