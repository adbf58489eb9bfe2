using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Cvs;

public static class CvsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CvOptions"/> (section <c>Cvs</c>, validated at start), the <see cref="CvFileInspector"/>,
    /// the <see cref="ClamAvScanner"/> and the <see cref="ICvFileStore"/> (blob storage when <c>Cvs:Blob</c> is set, else local disk). Needs a <see cref="TimeProvider"/>,
    /// logging and an <c>IHostEnvironment</c> registered by the host.
    /// </summary>
    public static IServiceCollection AddChatAdvisorCvs(this IServiceCollection services)
    {
        services.AddOptions<CvOptions>().BindConfiguration(CvOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<CvFileInspector>();
        services.TryAddSingleton<ClamAvScanner>();
        services.TryAddSingleton<CvBlobContainer>();
        // Blob storage when Cvs:Blob names an account, so that several instances share the files; local disk otherwise.
        services.TryAddSingleton<ICvFileStore>(sp => sp.GetRequiredService<IOptions<CvOptions>>().Value.Blob.IsConfigured
            ? ActivatorUtilities.CreateInstance<BlobCvFileStore>(sp)
            : ActivatorUtilities.CreateInstance<LocalCvFileStore>(sp));
        return services;
    }
}
