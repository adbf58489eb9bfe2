using System.Text.RegularExpressions;
using Microsoft.SemanticKernel;

namespace ChatAdvisor.Generation;

/// <summary>
/// Keeps personal data out of every prompt, as a Semantic Kernel render filter: a rendered prompt that contains an
/// e-mail address, a phone number, an IBAN or an applicant reference is never sent; the caller keeps the extractive
/// answer. (A visitor who writes "my email is …, what's the salary?" still gets the quoted answer.)
/// </summary>
internal sealed partial class PersonalDataFilter : IPromptRenderFilter
{
    public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
    {
        await next(context);
        if (context.RenderedPrompt is { } prompt && PersonalData().IsMatch(prompt))
        {
            throw new GroundingException("personal-data");
        }
    }

    // E-mail; a phone number (+ and 8+ digits, or 9+ digits with spaces/dashes); an IBAN; an applicant reference.
    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.-]+|\+\d[\d\s()./-]{7,}\d|\b\d(?:[\s-]?\d){8,}\b|\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){3,}\b|\bCV-[A-Z0-9]{4}-[A-Z0-9]{4}\b", RegexOptions.IgnoreCase)]
    private static partial Regex PersonalData();
}
