using ChatAdvisor.Web.Bot.Protocol;

namespace ChatAdvisor.Web.Bot;

/// <summary>
/// A channel as the host registers it: which channel ids it carries, how to make a turn again of an activity it
/// stored (after a restart, with the number of replies already sent) and how to open a turn in one of its
/// conversations when the user has not just written (null when it cannot send unprompted).
/// </summary>
public sealed record BotChannel(
    Func<string, bool> Carries,
    Func<Activity, int, TurnContext> Resume,
    Func<string, string?, TurnContext?> Proactive);
