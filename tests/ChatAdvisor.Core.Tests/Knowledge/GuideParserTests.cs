using ChatAdvisor.Knowledge;

namespace ChatAdvisor.Core.Tests.Knowledge;

public sealed class GuideParserTests
{
    private const string Valid = """
        ---
        id: test-role
        title: Test role guide
        role: Test Role
        aliases: [tester]
        source: written for the test
        last_reviewed: 2026-11-01
        ---
        # Test Role

        ## What it is {#what}
        Also asked: What is a test role? | Tell me about testers

        First paragraph.

        - A bullet
        - Another bullet

        ## Pay {#pay}

        Testers earn €1,000.
        """;

    [Fact]
    public void ReadsFrontMatterSectionsAndAlternateQuestions()
    {
        var guide = GuideParser.Parse(Valid, "test.md");

        Assert.Equal("test-role", guide.Id);
        Assert.Equal("Test Role", guide.Role);
        Assert.Equal(["tester"], guide.Aliases);
        Assert.Equal(new DateOnly(2026, 11, 1), guide.LastReviewed);
        Assert.Equal(["what", "pay"], guide.Chunks.Select(c => c.SectionId));
        var first = guide.Chunks[0];
        Assert.Equal("test-role#what", first.Key);
        Assert.Equal(["What is a test role?", "Tell me about testers"], first.AlternateQuestions);
        Assert.DoesNotContain("Also asked", first.Text, StringComparison.Ordinal);
        Assert.Contains("- Another bullet", first.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# no front matter", 1, "front matter")]
    [InlineData("---\nid: x\ntitle: T\nrole: R\nlast_reviewed: 2026-01-01\n---\n## Heading without id\ntext", 7, "{#")]
    [InlineData("---\nid: x\ntitle: T\nrole: R\nlast_reviewed: 2026-01-01\n---\n## A {#a}\ntext\n## B {#a}\ntext", 9, "used twice")]
    [InlineData("---\nid: x\ntitle: T\nrole: R\nlast_reviewed: 2026-01-01\n---\n## A {#a}\n\n## B {#b}\ntext", 7, "no text")]
    [InlineData("---\nid: Not Kebab\ntitle: T\nrole: R\nlast_reviewed: 2026-01-01\n---\n## A {#a}\ntext", 2, "kebab")]
    [InlineData("---\nid: x\ntitle: T\nrole: R\n---\n## A {#a}\ntext", 1, "last_reviewed")]
    [InlineData("---\nid: x\ntitle: T\nrole: R\nlast_reviewed: 2026-01-01\n---\n## A {#a}\ntext\n### Deeper", 9, "headings")]
    public void BadGuidesNameTheLineAndTheProblem(string markdown, int line, string message)
    {
        var error = Assert.Throws<KnowledgeFormatException>(() => GuideParser.Parse(markdown, "bad.md"));

        Assert.Equal("bad.md", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
