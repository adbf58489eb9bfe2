namespace ChatAdvisor.Web.Tests.Infrastructure;

/// <summary>Reading the bot's message templates (<c>messages.yaml</c>) the way a reply shows them.</summary>
internal static class MessageTemplates
{
    /// <summary>A template's text before its first placeholder or line break: what every reply made from it starts with.</summary>
    public static string Opening(string template) => template.Split('{', '\n')[0].Trim();
}
