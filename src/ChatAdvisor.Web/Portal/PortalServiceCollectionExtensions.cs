using System.Threading.RateLimiting;
using ChatAdvisor.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Portal;

public static class PortalServiceCollectionExtensions
{
    /// <summary>The recruiter portal: Identity accounts in the application's database, cookies, policies and pages.</summary>
    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddDbContextFactory<PortalDb>(UseApplicationDatabase);
        services.AddIdentity<Recruiter, IdentityRole>(ConfigureIdentity).AddEntityFrameworkStores<PortalDb>()
            .AddUserStore<PortalUserStore>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<PortalAuthenticatorCodes>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddHostedService<PortalTokenProtection>();
        services.AddPortalCookies(builder.Environment.IsDevelopment());
        services.AddPortalAuthorization();
        services.AddRazorPages(pages =>
        {
            pages.RootDirectory = "/Portal/Pages";
            pages.Conventions.AuthorizeFolder("/", PortalPolicies.Portal);
            pages.Conventions.AuthorizeFolder("/Admin", PortalPolicies.Admin);
        });
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PortalSignIn.RateLimitPolicy, SignInPartition);
        });
        services.AddSingleton<PortalAudit>();
        services.AddScoped<PortalAccounts>();
        services.AddScoped<PortalSignIn>();
        services.AddScoped<PortalEnrolment>();
        return builder;
    }

    /// <summary>The connection string and provider that <see cref="ChatAdvisorDb"/> resolved, so both share one database.</summary>
    private static void UseApplicationDatabase(IServiceProvider services, DbContextOptionsBuilder options)
    {
        using var appDb = services.GetRequiredService<IDbContextFactory<ChatAdvisorDb>>().CreateDbContext();
        var connectionString = appDb.Database.GetConnectionString();
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(connectionString);
        }
        else
        {
            options.UseSqlite(connectionString).AddInterceptors(SqliteConnectionSettings.Instance);
        }
    }

    private static void ConfigureIdentity(IdentityOptions identity)
    {
        // Schema script 0007 creates the tables of this version; a newer one needs a new script first.
        identity.Stores.SchemaVersion = IdentitySchemaVersions.Version1;
        identity.User.RequireUniqueEmail = true;
        // Length over composition rules (NIST SP 800-63B); the second factor is required anyway.
        identity.Password.RequiredLength = 12;
        identity.Password.RequiredUniqueChars = 6;
        identity.Password.RequireDigit = false;
        identity.Password.RequireLowercase = false;
        identity.Password.RequireUppercase = false;
        identity.Password.RequireNonAlphanumeric = false;
        identity.Lockout.AllowedForNewUsers = true;
        identity.Lockout.MaxFailedAccessAttempts = 5;
        identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    }

    /// <summary>Form posts per client address; page views are not limited.</summary>
    private static RateLimitPartition<string> SignInPartition(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("views");
        }
        var portal = context.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value;
        return RateLimitPartition.GetFixedWindowLimiter("post " + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = portal.SignInPermitLimit, Window = portal.SignInWindow });
    }
}
