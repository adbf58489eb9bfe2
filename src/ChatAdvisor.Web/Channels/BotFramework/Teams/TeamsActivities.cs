using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatAdvisor.Web.Bot.Protocol;

namespace ChatAdvisor.Web.Channels.BotFramework.Teams;

/// <summary>What the bot needs to know about a Teams activity: tenant, group or personal, mentions (see the Teams bot activities documentation).</summary>
public static class TeamsActivities
{
    public static bool IsTeams(Activity activity) => activity.ChannelId == ChannelIds.Teams;

    /// <summary>Group chats and channels; personal chats are not groups.</summary>
    public static bool IsGroup(Activity activity) =>
        activity.Conversation?.IsGroup == true || activity.Conversation?.ConversationType is "groupChat" or "groupchat" or "channel";

    public static string? TenantId(Activity activity) =>
        activity.ChannelData.StringAt("tenant", "id") ?? activity.Conversation?.TenantId;

    /// <summary>True when a mention entity names the bot (entities are trusted, not the text).</summary>
    public static bool MentionsBot(Activity activity) => BotMentions(activity).Any();

    /// <summary>The activity with every mention of the bot removed from its text.</summary>
    public static Activity WithoutBotMention(Activity activity)
    {
        var text = activity.Text;
        if (string.IsNullOrEmpty(text))
        {
            return activity;
        }
        foreach (var mention in BotMentions(activity))
        {
            var markup = mention.StringAt("text") ?? $"<at>{mention.StringAt("mentioned", "name")}</at>";
            text = Regex.Replace(text, Regex.Escape(markup), "", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        }
        return activity with { Text = text.Trim() };
    }

    private static IEnumerable<JsonObject> BotMentions(Activity activity) =>
        (activity.Entities ?? []).Where(e => string.Equals(e.StringAt("type"), "mention", StringComparison.OrdinalIgnoreCase)
            && e.StringAt("mentioned", "id") is { } id && id == activity.Recipient?.Id);
}
