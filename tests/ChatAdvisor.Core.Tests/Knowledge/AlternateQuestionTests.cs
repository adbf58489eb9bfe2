using System.Text.RegularExpressions;
using ChatAdvisor.Advice;
using ChatAdvisor.Core.Tests.Generation;
using ChatAdvisor.Core.Tests.Infrastructure;
using ChatAdvisor.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Core.Tests.Knowledge;

/// <summary>
/// The <c>Also asked:</c> questions of the real guides. The first one of each section is offered to visitors as a
/// follow-up suggestion, so clicking it must get an answer from that very section.
/// </summary>
public sealed partial class AlternateQuestionTests
{
    private static readonly ServiceProvider s_services = GenerationFixtures.Build([]);
    private static readonly KnowledgeBase s_knowledge = s_services.GetRequiredService<KnowledgeBase>();

    public static TheoryData<string> SectionKeys()
    {
        var keys = new TheoryData<string>();
        foreach (var chunk in TestKnowledge.Load().Current.Chunks)
        {
            keys.Add(chunk.Key);
        }
        return keys;
    }

    [Theory]
    [MemberData(nameof(SectionKeys))]
    public async Task TheSuggestedQuestionOfASectionIsAnsweredFromThatSection(string key)
    {
        var section = s_knowledge.Current.Chunks.Single(c => c.Key == key);
        Assert.InRange(section.AlternateQuestions.Count, 3, 16);
        var suggestion = section.AlternateQuestions[0];

        var answer = await s_services.GetRequiredService<Advisor>().AnswerAsync(suggestion, AdviceContext.Empty, CancellationToken.None);

        Assert.Equal(AnswerKind.Answered, answer.Kind);
        Assert.Equal(key, answer.Citations[0].Key);
    }

    [Fact]
    public void NoAlternateQuestionAsksTheBotToFindAJob()
    {
        var jobSearches = s_knowledge.Current.Chunks.SelectMany(c => c.AlternateQuestions.Select(q => (c.Key, q)))
            .Where(x => JobSearch().IsMatch(x.q)).Select(x => $"{x.Key}: {x.q}").ToList();

        Assert.True(jobSearches.Count == 0, "The bot has no job listings; these promise a job search:\n" + string.Join('\n', jobSearches));
        Assert.Matches(JobSearch(), "Can you help me find an MLOps job?");
    }

    [GeneratedRegex(@"\b(find|get|search|look for|show)\b.{0,30}\b(jobs?|roles?|positions?|vacanc|openings?)|\b(job|vacanc|opening)\w*\s+(for|near|in)\s+me\b", RegexOptions.IgnoreCase)]
    private static partial Regex JobSearch();
}
