using ChatAdvisor.Advice;
using ChatAdvisor.Conversations;
using ChatAdvisor.Cvs;
using ChatAdvisor.Data;
using ChatAdvisor.Evaluation;
using ChatAdvisor.Generation;
using ChatAdvisor.Knowledge;
using ChatAdvisor.Languages;
using ChatAdvisor.Review;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatAdvisor;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The knowledge index, its embeddings, the Semantic Kernel pipeline and the advisor, with their options
    /// (sections <c>Knowledge</c>, <c>Embeddings</c>, <c>Advice</c>, <c>Llm</c>, <c>Prompts</c>).
    /// </summary>
    public static IServiceCollection AddChatAdvisorAdvice(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AdviceOptions>().BindConfiguration(AdviceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<KnowledgeBase>();
        services.AddHostedService<KnowledgeWatcher>();
        services.AddChatAdvisorGeneration();
        services.AddSingleton<Retriever>();
        services.AddSingleton<Advisor>();
        services.AddSingleton<Intents>();
        services.AddOptions<LanguageOptions>().BindConfiguration(LanguageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LanguageDetector>();
        services.AddSingleton<Evaluator>();
        return services;
    }

    /// <summary>Registers the database, the knowledge index and the advisor, the CV dialog and the review queries.</summary>
    public static IServiceCollection AddChatAdvisorCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddChatAdvisorDb();
        services.AddChatAdvisorAdvice();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<TranscriptStore>();
        services.AddSingleton<FeedbackStore>();
        services.AddChatAdvisorCvs();
        services.AddOptions<CvDialogOptions>().BindConfiguration(CvDialogOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CvSubmissions>();
        services.AddSingleton<PrivacyNoticeStore>();
        services.AddSingleton<UploadLinks>();
        services.AddOptions<ConversationOptions>().BindConfiguration(ConversationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IJobLease, SingleInstanceJobLease>();
        services.AddSingleton<RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        services.AddChatAdvisorReview();
        return services;
    }
}
