using System.ComponentModel.DataAnnotations;
using StackExchange.Redis;

namespace ChatAdvisor.Web.Scaleout;

/// <summary>
/// The Redis server that instances share when there are several: it carries Direct Line activities to the instance
/// holding a visitor's WebSocket, the rate-limit counters and the leases that let one instance run each periodic job.
/// Off (one instance, everything in process) until a connection string is set.
/// </summary>
public sealed class RedisOptions : IValidatableObject
{
    public const string SectionName = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>host:6380,password=…,ssl=True,abortConnect=False</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Put in front of every key and channel name, so that several deployments can share one server.</summary>
    [RegularExpression("^[A-Za-z0-9:_.-]{1,40}$", ErrorMessage = "Redis:KeyPrefix takes 1 to 40 letters, digits or : _ . -")]
    public string KeyPrefix { get; set; } = "chatadvisor:";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured)
        {
            yield break;
        }
        string? error = null;
        try
        {
            var parsed = ConfigurationOptions.Parse(ConnectionString!);
            if (parsed.EndPoints.Count == 0)
            {
                error = "Redis:ConnectionString names no server (host:port).";
            }
        }
        catch (ArgumentException ex)
        {
            error = $"Redis:ConnectionString cannot be read: {ex.Message}";
        }
        if (error is not null)
        {
            yield return new ValidationResult(error, [nameof(ConnectionString)]);
        }
    }
}
