using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Channels.BotFramework.Connector;

/// <summary>The credentials each <see cref="BotAppType"/> needs (see the Bot Framework authentication documentation); no app id means "auth disabled".</summary>
internal sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var result = new ValidateOptionsResultBuilder();
        if (!Enum.IsDefined(options.AppType))
        {
            result.AddError($"Unknown app type '{options.AppType}'.", nameof(BotOptions.AppType));
            return result.Build();
        }
        var hasPassword = !string.IsNullOrWhiteSpace(options.AppPassword);
        var hasTenant = !string.IsNullOrWhiteSpace(options.TenantId);
        if (!string.IsNullOrWhiteSpace(options.CertificatePath) && !string.IsNullOrWhiteSpace(options.CertificateThumbprint))
        {
            result.AddError($"Set {Key(nameof(BotOptions.CertificatePath))} or {Key(nameof(BotOptions.CertificateThumbprint))}, not both.", nameof(BotOptions.CertificatePath));
        }
        if (hasPassword && options.HasCertificate)
        {
            result.AddError($"Set {Key(nameof(BotOptions.AppPassword))} or a certificate, not both.", nameof(BotOptions.AppPassword));
        }
        if (options.IsAuthenticationDisabled)
        {
            // Managed identities always have an id, so for them an empty id is a mistake, never "dev mode".
            if (options.AppType == BotAppType.UserAssignedMsi)
            {
                result.AddError($"{Key(nameof(BotOptions.AppId))} (the managed identity's client id) is required for {options.AppType}.", nameof(BotOptions.AppId));
            }
            else if (hasPassword || options.HasCertificate)
            {
                result.AddError($"A credential is set but {Key(nameof(BotOptions.AppId))} is empty.", nameof(BotOptions.AppId));
            }
        }
        else if (options.AppType == BotAppType.UserAssignedMsi)
        {
            if (hasPassword || options.HasCertificate)
            {
                result.AddError($"{options.AppType} takes no password or certificate.", nameof(BotOptions.AppPassword));
            }
        }
        else if (!hasPassword && !options.HasCertificate)
        {
            result.AddError($"{Key(nameof(BotOptions.AppPassword))} or a certificate is required for {options.AppType}.", nameof(BotOptions.AppPassword));
        }
        var needsTenant = options.AppType == BotAppType.UserAssignedMsi
            || (options.AppType == BotAppType.SingleTenant && !options.IsAuthenticationDisabled);
        if (needsTenant && !hasTenant)
        {
            result.AddError($"{Key(nameof(BotOptions.TenantId))} is required for {options.AppType}.", nameof(BotOptions.TenantId));
        }
        if (options.RequireHttpsMetadata)
        {
            RequireHttps(result, options.ChannelOpenIdMetadataUrl, nameof(BotOptions.ChannelOpenIdMetadataUrl));
            RequireHttps(result, options.EmulatorOpenIdMetadataUrl, nameof(BotOptions.EmulatorOpenIdMetadataUrl));
        }
        return result.Build();
    }

    private static void RequireHttps(ValidateOptionsResultBuilder result, string url, string property)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            result.AddError($"{Key(property)} must be an https URL while {Key(nameof(BotOptions.RequireHttpsMetadata))} is true.", property);
        }
    }

    private static string Key(string property) => $"{BotOptions.SectionName}:{property}";
}
