using ChatAdvisor.Cvs;
using ChatAdvisor.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Hosting;

/// <summary>Unhealthy when the database cannot be reached: no turn can be accepted without it.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<ChatAdvisorDb> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy(db.Database.ProviderName?.Split('.').Last())
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
    }
}

/// <summary>
/// With scanning switched on, degraded while clamd does not answer: CVs are then held back, everything else works.
/// </summary>
internal sealed class ClamAvHealthCheck(ClamAvScanner scanner, IOptions<CvOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.ClamAv.Enabled)
        {
            return HealthCheckResult.Healthy("scanning is off");
        }
        return await scanner.PingAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"clamd at {options.Value.ClamAv.Host}:{options.Value.ClamAv.Port}")
            : HealthCheckResult.Degraded($"clamd at {options.Value.ClamAv.Host}:{options.Value.ClamAv.Port} does not answer.");
    }
}
