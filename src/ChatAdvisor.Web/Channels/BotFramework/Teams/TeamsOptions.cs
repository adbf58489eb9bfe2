namespace ChatAdvisor.Web.Channels.BotFramework.Teams;

public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>
    /// Entra tenant ids of the client companies whose Teams users may talk to the bot. Anyone else gets a polite
    /// refusal and nothing is stored but a log line. Empty by default: Teams is closed until tenants are listed.
    /// </summary>
    public List<string> AllowedTenants { get; set; } = [];

    /// <summary>
    /// Tenant ids are GUIDs; the Microsoft 365 Agents Playground sends a GUID-shaped id that is one digit too long, so
    /// the check is on the characters, which still catches a tenant's name or domain put here by mistake.
    /// </summary>
    internal static bool LooksLikeTenantId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && id.All(c => char.IsAsciiHexDigit(c) || c == '-') && id.Any(char.IsAsciiHexDigit);
}
