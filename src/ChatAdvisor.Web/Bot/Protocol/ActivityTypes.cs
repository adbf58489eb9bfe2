namespace ChatAdvisor.Web.Bot.Protocol;

/// <summary>Wire values used by the bot (compare ordinally).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string EndOfConversation = "endOfConversation";
    public const string InstallationUpdate = "installationUpdate";
}

public static class ChannelIds
{
    public const string DirectLine = "directline";
    public const string WebChat = "webchat";
    public const string Teams = "msteams";
    public const string Emulator = "emulator";
}
