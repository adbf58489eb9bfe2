using ChatAdvisor.Web.Channels.BotFramework.Connector;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Tests.Connector;

/// <summary>The credentials each app type needs (see the Bot Framework authentication documentation), checked when the host starts.</summary>
public sealed class BotOptionsTests
{
    [Theory]
    [InlineData("MultiTenant", null, null, null)]
    [InlineData("MultiTenant", "app", "secret", null)]
    [InlineData("SingleTenant", "app", "secret", "tenant")]
    [InlineData("UserAssignedMsi", "app", null, "tenant")]
    public void ValidConfigurationsPass(string appType, string? appId, string? password, string? tenantId) =>
        Assert.True(Validate(appType, appId, password, tenantId).Succeeded);

    [Theory]
    [InlineData("MultiTenant", "app", null, null, "AppPassword or a certificate")]
    [InlineData("MultiTenant", null, "secret", null, "AppId is empty")]
    [InlineData("SingleTenant", "app", "secret", null, "TenantId")]
    [InlineData("SingleTenant", "app", null, "tenant", "AppPassword or a certificate")]
    [InlineData("UserAssignedMsi", "app", "secret", "tenant", "no password")]
    [InlineData("UserAssignedMsi", null, null, "tenant", "AppId")]
    [InlineData("UserAssignedMsi", "app", null, null, "TenantId")]
    public void IncompleteConfigurationsFail(string appType, string? appId, string? password, string? tenantId, string message)
    {
        var result = Validate(appType, appId, password, tenantId);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainHttpMetadataNeedsRequireHttpsMetadataOff()
    {
        var options = new BotOptions { ChannelOpenIdMetadataUrl = "http://127.0.0.1:5000/v1/.well-known/openidconfiguration" };

        Assert.True(new BotOptionsValidator().Validate(null, options).Failed);
        options.RequireHttpsMetadata = false;
        Assert.True(new BotOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void AuthorityAndEmulatorIssuersFollowTheAppType()
    {
        var multi = new BotOptions { AppId = "app", TenantId = "tenant" };
        var single = new BotOptions { AppId = "app", AppType = BotAppType.SingleTenant, TenantId = "tenant" };

        Assert.Equal("https://login.microsoftonline.com/botframework.com", multi.GetToChannelFromBotAuthority());
        Assert.Equal("https://login.microsoftonline.com/tenant", single.GetToChannelFromBotAuthority());
        Assert.Equal(BotOptions.DefaultEmulatorIssuers, multi.GetEmulatorIssuers());
        Assert.Contains("https://sts.windows.net/tenant/", single.GetEmulatorIssuers());
        Assert.Contains("https://login.microsoftonline.com/tenant/v2.0", single.GetEmulatorIssuers());
        Assert.True(new BotOptions().IsAuthenticationDisabled);
    }

    [Fact]
    public async Task HostWithIncompleteCredentialsFailsToStart()
    {
        using var host = ConnectorTestHost.Create(new Dictionary<string, string?> { ["Bot:AppId"] = "app", ["Bot:AppType"] = "SingleTenant" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Bot:TenantId", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("contoso.onmicrosoft.com")]
    [InlineData("Contoso Ltd")]
    [InlineData(" ")]
    public void HostWithATenantNameInsteadOfAnIdFailsToStart(string tenant)
    {
        using var app = new ChatAdvisorApp(new Dictionary<string, string?> { ["Teams:AllowedTenants:0"] = "9b2f7c1e-6a4d-4c1b-8e3f-2d5a7b9c0e11", ["Teams:AllowedTenants:1"] = tenant });

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        var validation = Assert.IsType<OptionsValidationException>(error is AggregateException aggregate ? aggregate.InnerException : error);
        Assert.Contains("Teams:AllowedTenants must hold Entra tenant ids", validation.Message, StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Validate(string appType, string? appId, string? password, string? tenantId) =>
        new BotOptionsValidator().Validate(null, new BotOptions
        {
            AppType = Enum.Parse<BotAppType>(appType),
            AppId = appId,
            AppPassword = password,
            TenantId = tenantId,
        });
}
