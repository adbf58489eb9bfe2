using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Portal;

/// <summary>
/// The portal's cookies: all HttpOnly, SameSite=Strict and Secure. Outside Development the session cookie is
/// <c>__Host-chatadvisor-portal</c>, which browsers accept only over HTTPS, for path /, without a domain; Development
/// over plain http uses the same names without the prefixes.
/// </summary>
internal static class PortalCookies
{
    public const string SessionCookie = "chatadvisor-portal";

    public const string LoginPath = "/portal/login";

    /// <summary>How long the password step waits for the authenticator app to be set up.</summary>
    private static readonly TimeSpan s_enrolmentLifetime = TimeSpan.FromMinutes(10);

    public static void AddPortalCookies(this IServiceCollection services, bool isDevelopment)
    {
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<PortalOptions>>((cookie, portal) => ConfigureSession(cookie, portal.Value, isDevelopment));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme,
            cookie => Harden(cookie.Cookie, "chatadvisor-portal-2fa", "/portal", isDevelopment));
        // Never issued (no external logins, no "remember this browser"), but sign-out deletes them by name.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme,
            cookie => Harden(cookie.Cookie, "chatadvisor-portal-external", "/portal", isDevelopment));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme,
            cookie => Harden(cookie.Cookie, "chatadvisor-portal-remember", "/portal", isDevelopment));
        services.AddAuthentication().AddCookie(PortalEnrolment.Scheme, cookie =>
        {
            Harden(cookie.Cookie, "chatadvisor-portal-enrolment", "/portal", isDevelopment);
            cookie.ExpireTimeSpan = s_enrolmentLifetime;
            cookie.SlidingExpiration = false;
            cookie.LoginPath = LoginPath;
        });
        services.AddAntiforgery(antiforgery => Harden(antiforgery.Cookie, "chatadvisor-antiforgery", "/", isDevelopment));
        // The security stamp is checked on every request (not every 30 minutes, Identity's default), so sign-out,
        // a password change and an authenticator reset end all sessions at once. It costs one lookup of the user
        // and roles per portal request. Identity then rebuilds the principal; keep how the user signed in.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            o.OnRefreshingPrincipal = KeepAuthenticationMethod;
        });
    }

    internal static void ConfigureSession(CookieAuthenticationOptions options, PortalOptions portal, bool isDevelopment)
    {
        Harden(options.Cookie, SessionCookie, "/", isDevelopment);
        options.ExpireTimeSpan = portal.SessionLifetime;
        options.SlidingExpiration = true;
        options.LoginPath = LoginPath;
        options.LogoutPath = "/portal/logout";
        options.Events.OnRedirectToLogin = context =>
        {
            if (IsPageRequest(context.Request))
            {
                context.Response.Redirect(context.RedirectUri);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            }
            return Task.CompletedTask;
        };
        // No "access denied" page: a signed-in account without a portal role just gets 403.
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
    }

    private static void Harden(CookieBuilder cookie, string name, string path, bool isDevelopment)
    {
        cookie.Name = isDevelopment ? name : (path == "/" ? "__Host-" : "__Secure-") + name;
        cookie.Path = path;
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Strict;
        cookie.SecurePolicy = isDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
    }

    /// <summary>Only a browser navigating to a page is sent to the sign-in form; form posts and API calls get 401.</summary>
    private static bool IsPageRequest(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && !request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase)
        && request.Headers.XRequestedWith != "XMLHttpRequest";

    private static Task KeepAuthenticationMethod(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is not null)
        {
            identity.AddClaims(context.CurrentPrincipal.FindAll(PortalEnrolment.AuthenticationMethodClaim)
                .Where(c => !identity.HasClaim(c.Type, c.Value)).Select(c => c.Clone()));
        }
        return Task.CompletedTask;
    }
}
