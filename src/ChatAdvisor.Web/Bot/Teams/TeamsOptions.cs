namespace ChatAdvisor.Web.Bot.Teams;

public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>
    /// Entra tenant ids of the client companies whose Teams users may talk to the bot. Anyone else gets a polite
    /// refusal and nothing is stored but a log line. Empty by default: Teams is closed until tenants are listed.
    /// </summary>
    public List<string> AllowedTenants { get; set; } = [];
}
