using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace ChatAdvisor.Web.Portal;

/// <summary>
/// <see cref="Portal"/> covers every page under /portal except the sign-in steps; <see cref="Admin"/> covers the
/// pages under <c>Portal/Pages/Admin</c>. Both require a session that passed the second factor.
/// </summary>
public static class PortalPolicies
{
    public const string Portal = "portal";

    public const string Admin = "admin";

    internal static void AddPortalAuthorization(this IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .AddPolicy(Portal, p => SignedInWithTwoFactor(p).RequireRole(PortalRoles.Recruiter, PortalRoles.Admin))
            .AddPolicy(Admin, p => SignedInWithTwoFactor(p).RequireRole(PortalRoles.Admin));

    private static AuthorizationPolicyBuilder SignedInWithTwoFactor(AuthorizationPolicyBuilder policy) =>
        policy.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser()
            .RequireClaim(PortalEnrolment.AuthenticationMethodClaim, PortalEnrolment.TwoFactorMethod);
}
