using Microsoft.Identity.Client;

namespace ChatAdvisor.Web.Channels.BotFramework.Connector;

/// <summary>Routes MSAL's token requests through a named <see cref="IHttpClientFactory"/> client.</summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
{
    public const string HttpClientName = "ChatAdvisor.Bot.Msal";

    public HttpClient GetHttpClient() => httpClientFactory.CreateClient(HttpClientName);
}
