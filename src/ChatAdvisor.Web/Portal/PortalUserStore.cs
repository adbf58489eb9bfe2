using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace ChatAdvisor.Web.Portal;

/// <summary>
/// Identity's EF store with every <c>AspNetUserTokens</c> value (the authenticator key, the recovery codes) encrypted
/// with Data Protection, so a copy of the database alone does not give anyone a second factor. Values written before
/// encryption was introduced are still read; <see cref="PortalTokenProtection"/> encrypts them at start-up.
/// </summary>
public sealed class PortalUserStore(PortalDb context, IDataProtectionProvider dataProtection, IdentityErrorDescriber? describer = null)
    : UserStore<Recruiter, IdentityRole, PortalDb>(context, describer)
{
    /// <summary>Marks an encrypted value; Identity's own values (base32 keys, code lists) never start with it.</summary>
    public const string ProtectedPrefix = "dp1:";

    public const string Purpose = "ChatAdvisor.Portal.UserTokens";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    public override async Task<string?> GetTokenAsync(Recruiter user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        return Unprotect(_protector, stored);
    }

    public override Task SetTokenAsync(Recruiter user, string loginProvider, string name, string? value, CancellationToken cancellationToken) =>
        base.SetTokenAsync(user, loginProvider, name, Protect(_protector, value), cancellationToken);

    internal static string? Protect(IDataProtector protector, string? value) =>
        value is null ? null : ProtectedPrefix + protector.Protect(value);

    internal static string? Unprotect(IDataProtector protector, string? stored) =>
        stored is not null && stored.StartsWith(ProtectedPrefix, StringComparison.Ordinal)
            ? protector.Unprotect(stored[ProtectedPrefix.Length..])
            : stored;
}
