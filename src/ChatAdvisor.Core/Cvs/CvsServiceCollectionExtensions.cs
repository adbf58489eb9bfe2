using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatAdvisor.Cvs;

public static class CvsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CvOptions"/> (section <c>Cvs</c>, validated at start), the <see cref="CvFileInspector"/>,
    /// the <see cref="ClamAvScanner"/> and the local <see cref="ICvFileStore"/>. Needs a <see cref="TimeProvider"/>,
    /// logging and an <c>IHostEnvironment</c> registered by the host.
    /// </summary>
    public static IServiceCollection AddChatAdvisorCvs(this IServiceCollection services)
    {
        services.AddOptions<CvOptions>().BindConfiguration(CvOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<CvFileInspector>();
        services.TryAddSingleton<ClamAvScanner>();
        services.TryAddSingleton<ICvFileStore, LocalCvFileStore>();
        return services;
    }
}
