using Microsoft.AspNetCore.Identity;

namespace ChatAdvisor.Web.Portal;

/// <summary>A portal user: a recruiter or an admin. The user name is the email address.</summary>
public sealed class Recruiter : IdentityUser;
