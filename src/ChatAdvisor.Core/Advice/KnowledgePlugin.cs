using System.ComponentModel;
using ChatAdvisor.Knowledge;
using Microsoft.SemanticKernel;

namespace ChatAdvisor.Advice;

/// <summary>Retrieval as a Semantic Kernel plugin: the advisor (or a model with tool calling) searches through it.</summary>
public sealed class KnowledgePlugin(Retriever retriever, KnowledgeBase knowledge)
{
    public const string Name = "knowledge";
    public const string Search = "search";
    public const string Section = "section";

    [KernelFunction(Search), Description("Finds the sections of the agency's role guides that answer a question, best first.")]
    public Task<Retrieval> SearchAsync(
        [Description("The visitor's question")] string question,
        [Description("What the conversation was about")] AdviceContext? context,
        CancellationToken cancellationToken) =>
        retriever.SearchAsync(question, context ?? AdviceContext.Empty, cancellationToken);

    [KernelFunction(Section), Description("The full text of one guide section, by its key (guideId#sectionId).")]
    public string? GetSection([Description("guideId#sectionId")] string key) =>
        knowledge.Current.Chunks.FirstOrDefault(c => c.Key == key)?.Text;
}
