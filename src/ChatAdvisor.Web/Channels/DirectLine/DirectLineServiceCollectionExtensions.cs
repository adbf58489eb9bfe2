using ChatAdvisor.Cvs;
using ChatAdvisor.Web.Bot;
using ChatAdvisor.Web.Bot.Protocol;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatAdvisor.Web.Channels.DirectLine;

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>The built-in Direct Line 3.0 channel that the site's Web Chat talks to.</summary>
    public static IHostApplicationBuilder AddDirectLine(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => o.MaxSessionLifetime >= o.TokenLifetime, "DirectLine:MaxSessionLifetime must be at least DirectLine:TokenLifetime.")
            .ValidateOnStart();
        builder.Services.AddSingleton<DirectLineTokens>();
        builder.Services.TryAddSingleton<IActivityRelay, NoActivityRelay>();
        builder.Services.AddSingleton<ConversationHub>();
        builder.Services.AddSingleton<DirectLineChannel>();
        builder.Services.AddSingleton<DirectLineFiles>();
        builder.Services.AddSingleton(sp => new BotChannel(
            channelId => channelId == ChannelIds.DirectLine,
            (activity, sent) => sp.GetRequiredService<DirectLineChannel>().ResumeTurn(activity, sent),
            (conversationId, userId) => sp.GetRequiredService<DirectLineChannel>().Resume(conversationId, userId)));
        // Uploads follow the CV files: in blob storage when Cvs:Blob is set (every instance sees them), else on disk.
        builder.Services.AddSingleton<IAttachmentStore>(sp => sp.GetRequiredService<IOptions<CvOptions>>().Value.Blob.IsConfigured
            ? ActivatorUtilities.CreateInstance<BlobAttachmentStore>(sp)
            : ActivatorUtilities.CreateInstance<LocalAttachmentStore>(sp));
        builder.Services.AddSingleton<UploadBudget>();
        builder.Services.AddSingleton<AttachmentSweep>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AttachmentSweep>());
        return builder;
    }
}
