using ChatAdvisor.Advice;
using ChatAdvisor.Conversations;
using ChatAdvisor.Cvs;
using ChatAdvisor.Data;
using ChatAdvisor.Evaluation;
using ChatAdvisor.Generation;
using ChatAdvisor.Knowledge;
using ChatAdvisor.Review;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatAdvisor;

public static class ServiceCollectionExtensions
{
    /// <summary>Registers the database, the knowledge index and the advisor.</summary>
    public static IServiceCollection AddChatAdvisorCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddChatAdvisorDb();
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AdviceOptions>().BindConfiguration(AdviceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<KnowledgeBase>();
        services.AddHostedService<KnowledgeWatcher>();
        services.AddChatAdvisorGeneration();
        services.AddSingleton<SemanticScorer>();
        services.AddSingleton<Advisor>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<TranscriptStore>();
        services.AddSingleton<FeedbackStore>();
        services.AddSingleton<Evaluator>();
        services.AddChatAdvisorCvs();
        services.AddOptions<CvDialogOptions>().BindConfiguration(CvDialogOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CvSubmissions>();
        services.AddSingleton<PrivacyNoticeStore>();
        services.AddSingleton<UploadLinks>();
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        services.AddChatAdvisorReview();
        return services;
    }
}
