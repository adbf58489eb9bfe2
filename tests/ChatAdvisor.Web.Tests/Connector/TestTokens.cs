using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatAdvisor.Web.Tests.Connector;

/// <summary>Mints tokens shaped like the Bot Connector's and the Emulator's, signed with test keys.</summary>
public static class TestTokens
{
    public const string AppId = "5e1f0c1e-1b0a-4d4e-9a40-6b1d3f0c2a11";
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string EmulatorIssuerV1 = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    public const string EmulatorIssuerV2 = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";

    private static readonly JsonWebTokenHandler s_handler = new();

    /// <summary>A Bot Connector token: <c>iss</c>, <c>aud</c>, <c>serviceurl</c> and <c>tid</c>, valid for an hour.</summary>
    public static string Channel(TestSigningKey key, Action<SecurityTokenDescriptor>? change = null) =>
        Mint(new SecurityTokenDescriptor
        {
            Issuer = ChannelIssuer,
            Audience = AppId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl, ["tid"] = TenantId },
            SigningCredentials = new SigningCredentials(key.SecurityKey, SecurityAlgorithms.RsaSha256),
        }, change);

    /// <summary>An AAD token as the Emulator sends: v1 carries <c>appid</c>, v2 <c>azp</c>.</summary>
    public static string Emulator(TestSigningKey key, string version, string callerAppId = AppId, Action<SecurityTokenDescriptor>? change = null) =>
        Mint(new SecurityTokenDescriptor
        {
            Issuer = version == "2.0" ? EmulatorIssuerV2 : EmulatorIssuerV1,
            Audience = AppId,
            Claims = new Dictionary<string, object> { ["ver"] = version, [version == "2.0" ? "azp" : "appid"] = callerAppId },
            SigningCredentials = new SigningCredentials(key.SecurityKey, SecurityAlgorithms.RsaSha256),
        }, change);

    /// <summary>Valid for an hour from now unless <paramref name="change"/> sets other times.</summary>
    public static string Mint(SecurityTokenDescriptor descriptor, Action<SecurityTokenDescriptor>? change = null)
    {
        var now = DateTime.UtcNow;
        descriptor.NotBefore = now.AddMinutes(-1);
        descriptor.IssuedAt = now.AddMinutes(-1);
        descriptor.Expires = now.AddHours(1);
        change?.Invoke(descriptor);
        return s_handler.CreateToken(descriptor);
    }

    /// <summary>Moves the token's lifetime so that it expired <paramref name="ago"/>.</summary>
    public static Action<SecurityTokenDescriptor> ExpiredAgo(TimeSpan ago) => d =>
    {
        d.Expires = DateTime.UtcNow - ago;
        d.NotBefore = d.Expires.Value.AddHours(-1);
        d.IssuedAt = d.NotBefore;
    };

    /// <summary>An HMAC key that claims the id of a published RSA key (a key-confusion attempt).</summary>
    public static SigningCredentials Hs256(string kid) =>
        new(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = kid }, SecurityAlgorithms.HmacSha256);

    public static string Bearer(string token) => $"Bearer {token}";
}
