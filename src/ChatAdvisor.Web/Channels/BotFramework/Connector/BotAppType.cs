namespace ChatAdvisor.Web.Channels.BotFramework.Connector;

/// <summary>How the bot's Azure identity is set up (see the Bot Framework authentication documentation); decides the outbound token source.</summary>
public enum BotAppType
{
    /// <summary>Legacy multi-tenant app registration: secret or certificate, authority <c>botframework.com</c>.</summary>
    MultiTenant,

    /// <summary>Single-tenant app registration: secret or certificate, authority of the bot's own tenant.</summary>
    SingleTenant,

    /// <summary>User-assigned managed identity: <see cref="BotOptions.AppId"/> is the identity's client id.</summary>
    UserAssignedMsi,
}
