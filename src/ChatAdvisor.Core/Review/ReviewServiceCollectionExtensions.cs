using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatAdvisor.Review;

public static class ReviewServiceCollectionExtensions
{
    /// <summary>
    /// Registers the recruiter portal's query services: <see cref="ConversationSearch"/>, <see cref="TranscriptView"/>,
    /// <see cref="TranscriptExport"/> and <see cref="KnowledgeGaps"/>. Needs an <c>IDbContextFactory&lt;ChatAdvisorDb&gt;</c>
    /// (registered by <c>AddChatAdvisorDb</c>).
    /// </summary>
    public static IServiceCollection AddChatAdvisorReview(this IServiceCollection services)
    {
        services.TryAddSingleton<ConversationSearch>();
        services.TryAddSingleton<TranscriptView>();
        services.TryAddSingleton<TranscriptExport>();
        services.TryAddSingleton<KnowledgeGaps>();
        return services;
    }
}
