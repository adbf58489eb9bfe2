namespace ChatAdvisor.Web.Portal;

/// <summary>The roles seeded by schema script 0007.</summary>
public static class PortalRoles
{
    public const string Recruiter = "recruiter";

    public const string Admin = "admin";
}
