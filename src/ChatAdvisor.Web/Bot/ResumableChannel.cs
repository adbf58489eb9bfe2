using ChatAdvisor.Web.Bot.Protocol;

namespace ChatAdvisor.Web.Bot;

/// <summary>
/// What a channel gives the bot so that turns it accepted can be finished after a restart: which channel ids it
/// carries, and how to make a turn of a stored activity (<c>Resume(activity, repliesAlreadySent)</c>).
/// </summary>
public sealed record ResumableChannel(Func<string, bool> Carries, Func<Activity, int, TurnContext> Resume);
