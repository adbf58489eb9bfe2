using ChatAdvisor.Web.Channels.BotFramework.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatAdvisor.Web.Tests.Connector;

/// <summary>
/// A bare host with <see cref="ConnectorServiceCollectionExtensions.AddBotConnector"/> and the given
/// <c>Bot:*</c> settings, so tests exercise the real registration and options validation.
/// </summary>
public static class ConnectorTestHost
{
    public static IHost Create(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddBotConnector();
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>An app id and secret, with metadata from <paramref name="openId"/> over plain loopback HTTP.</summary>
    public static Dictionary<string, string?> Settings(OpenIdServer? openId = null) => new()
    {
        ["Bot:AppId"] = TestTokens.AppId,
        ["Bot:AppPassword"] = "test-secret",
        ["Bot:RequireHttpsMetadata"] = "false",
        ["Bot:ChannelOpenIdMetadataUrl"] = openId?.ChannelMetadataUrl ?? "http://127.0.0.1:9/v1/.well-known/openidconfiguration",
        ["Bot:EmulatorOpenIdMetadataUrl"] = openId?.EmulatorMetadataUrl ?? "http://127.0.0.1:9/common/v2.0/.well-known/openid-configuration",
    };
}
