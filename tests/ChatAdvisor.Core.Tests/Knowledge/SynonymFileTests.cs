using ChatAdvisor.Core.Tests.Infrastructure;
using ChatAdvisor.Knowledge;

namespace ChatAdvisor.Core.Tests.Knowledge;

/// <summary>
/// <c>knowledge/synonyms.yaml</c> rewrites every member of a group to one term, so a group of things that are
/// only related would let a question about one be answered with a sentence about the other.
/// </summary>
public sealed class SynonymFileTests
{
    private static readonly SynonymSet s_synonyms = SynonymSet.Parse(
        File.ReadAllText(Path.Combine(TestKnowledge.KnowledgeFolder, "synonyms.yaml")), "synonyms.yaml");

    [Theory]
    [InlineData("ML", "machine learning")]
    [InlineData("ML engineer", "machine learning engineer")]
    [InlineData("MLE", "machine learning engineer")]
    [InlineData("ML ops", "MLOps")]
    [InlineData("CV", "résumé")]
    [InlineData("resume", "curriculum vitae")]
    [InlineData("salary", "pay")]
    [InlineData("wage", "salary")]
    [InlineData("CI/CD", "CICD")]
    [InlineData("CI-CD", "CI/CD")]
    [InlineData("Swiss", "Switzerland")]
    [InlineData("AI", "artificial intelligence")]
    [InlineData("pharma", "pharmaceutical")]
    [InlineData("health care", "healthcare")]
    public void TrueEquivalentsMeet(string one, string other) =>
        Assert.Equal(Terms(one), Terms(other));

    [Theory]
    [InlineData("AWS", "Azure")]
    [InlineData("TensorFlow", "PyTorch")]
    [InlineData("FDA", "EMA")]
    [InlineData("FDA", "GxP")]
    [InlineData("EMA", "GxP")]
    [InlineData("healthcare", "pharma")]
    [InlineData("healthcare", "MedTech")]
    [InlineData("pharma", "biotech")]
    [InlineData("MedTech", "life sciences")]
    [InlineData("healthcare", "life sciences")]
    [InlineData("EU", "Europe")]
    [InlineData("drug discovery", "drug development")]
    [InlineData("genomics", "omics")]
    [InlineData("Master's", "postgraduate")]
    [InlineData("MLOps", "MLOps engineer")]
    [InlineData("data science", "data scientist")]
    [InlineData("regulatory", "compliance")]
    [InlineData("deployment", "production")]
    [InlineData("CI/CD", "pipelines")]
    [InlineData("skills", "expertise")]
    [InlineData("applications", "apply")]
    [InlineData("language", "programming")]
    [InlineData("demand", "hiring")]
    [InlineData("entry", "junior")]
    [InlineData("subject", "qualification")]
    public void RelatedButDifferentThingsStayApart(string one, string other) =>
        Assert.NotEqual(Terms(one), Terms(other));

    private static List<string> Terms(string text) => TextAnalyzer.Terms(text, s_synonyms);
}
