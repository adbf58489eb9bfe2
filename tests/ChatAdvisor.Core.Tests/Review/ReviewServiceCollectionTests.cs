using ChatAdvisor.Data;
using ChatAdvisor.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Core.Tests.Review;

public sealed class ReviewServiceCollectionTests
{
    [Fact]
    public void TheReviewServicesAreSingletonsOverTheDbContextFactory()
    {
        var services = new ServiceCollection();
        services.AddDbContextFactory<ChatAdvisorDb>(o => o.UseSqlite("Data Source=:memory:"));
        services.AddChatAdvisorReview().AddChatAdvisorReview();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Same(provider.GetRequiredService<ConversationSearch>(), provider.GetRequiredService<ConversationSearch>());
        Assert.Same(provider.GetRequiredService<TranscriptView>(), provider.GetRequiredService<TranscriptView>());
        Assert.Same(provider.GetRequiredService<TranscriptExport>(), provider.GetRequiredService<TranscriptExport>());
        Assert.Same(provider.GetRequiredService<KnowledgeGaps>(), provider.GetRequiredService<KnowledgeGaps>());
        Assert.Single(services, d => d.ServiceType == typeof(ConversationSearch));
        Assert.All(services.Where(d => d.ServiceType.Namespace == typeof(ConversationSearch).Namespace), d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
    }
}
