using ChatAdvisor.Advice;
using ChatAdvisor.Core.Tests.Generation;
using ChatAdvisor.Core.Tests.Infrastructure;
using ChatAdvisor.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Core.Tests.Advice;

/// <summary>The answer cache: a repeated question is answered from memory, but never across contexts or knowledge versions.</summary>
public sealed class AnswerCacheTests : IDisposable
{
    private const string Question = "What does an entry-level MLOps engineer earn?";
    private readonly DirectoryInfo _knowledge = Directory.CreateTempSubdirectory("chatadvisor-answer-cache-");

    public AnswerCacheTests() => Copy(new DirectoryInfo(TestKnowledge.KnowledgeFolder), _knowledge);

    [Fact]
    public async Task ARepeatedQuestionIsTheSameAnswerWhateverItsCaseAndSpacing()
    {
        using var services = Build(cacheSize: 100);
        var advisor = services.GetRequiredService<Advisor>();

        var first = await advisor.AnswerAsync(Question, AdviceContext.Empty, CancellationToken.None);
        var again = await advisor.AnswerAsync("  what does an ENTRY-LEVEL mlops engineer   earn? ", AdviceContext.Empty, CancellationToken.None);

        Assert.Same(first, again);
    }

    [Fact]
    public async Task TheSameWordsInAnotherContextAreWorkedOutAgain()
    {
        using var services = Build(cacheSize: 100);
        var advisor = services.GetRequiredService<Advisor>();
        var salary = await advisor.AnswerAsync(Question, AdviceContext.Empty, CancellationToken.None);
        var skills = await advisor.AnswerAsync("What skills does a machine learning engineer need?", AdviceContext.Empty, CancellationToken.None);

        var afterSalary = await advisor.AnswerAsync(Advisor.TellMeMore, salary.Context, CancellationToken.None);
        var afterSkills = await advisor.AnswerAsync(Advisor.TellMeMore, skills.Context, CancellationToken.None);

        Assert.Equal("mlops-engineer#salary", Assert.Single(afterSalary.Citations).Key);
        Assert.Equal("machine-learning-engineer#skills", Assert.Single(afterSkills.Citations).Key);
    }

    [Fact]
    public async Task AReloadedGuideIsAnsweredFromItsNewText()
    {
        using var services = Build(cacheSize: 100);
        var advisor = services.GetRequiredService<Advisor>();
        var before = await advisor.AnswerAsync(Question, AdviceContext.Empty, CancellationToken.None);
        Assert.Contains("€50,000", before.Text, StringComparison.Ordinal);

        var guide = Path.Combine(_knowledge.FullName, "guides", "mlops-engineer.md");
        await File.WriteAllTextAsync(guide, (await File.ReadAllTextAsync(guide)).Replace("€50,000", "€51,000", StringComparison.Ordinal));
        await services.GetRequiredService<KnowledgeBase>().ReloadAsync(CancellationToken.None);
        var after = await advisor.AnswerAsync(Question, AdviceContext.Empty, CancellationToken.None);

        Assert.Contains("€51,000", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheCacheOffEveryQuestionIsWorkedOut()
    {
        using var services = Build(cacheSize: 0);
        var advisor = services.GetRequiredService<Advisor>();

        var first = await advisor.AnswerAsync(Question, AdviceContext.Empty, CancellationToken.None);
        var again = await advisor.AnswerAsync(Question, AdviceContext.Empty, CancellationToken.None);

        Assert.NotSame(first, again);
        Assert.Equal(first.Text, again.Text);
    }

    public void Dispose() => _knowledge.Delete(recursive: true);

    private ServiceProvider Build(int cacheSize) => GenerationFixtures.Build(new()
    {
        ["Knowledge:Path"] = _knowledge.FullName,
        ["Advice:AnswerCacheSize"] = cacheSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private static void Copy(DirectoryInfo from, DirectoryInfo to)
    {
        foreach (var file in from.EnumerateFiles())
        {
            file.CopyTo(Path.Combine(to.FullName, file.Name));
        }
        foreach (var folder in from.EnumerateDirectories())
        {
            Copy(folder, to.CreateSubdirectory(folder.Name));
        }
    }
}
