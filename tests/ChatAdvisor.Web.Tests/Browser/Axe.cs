using System.Text.Json;
using ChatAdvisor.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ChatAdvisor.Web.Tests.Browser;

/// <summary>
/// axe-core (npm, <c>node_modules/axe-core</c>) run in the page. It is evaluated through the DevTools protocol, which the
/// pages' Content-Security-Policy does not govern, so the page under test keeps its real policy.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> s_source = new(() =>
    {
        var path = Path.Combine(ChatAdvisorApp.RepositoryRoot, "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path) ? File.ReadAllText(path) : throw new InvalidOperationException($"{path} is missing: run 'npm ci' in the repository root.");
    });

    /// <summary>Every violation of axe's default rules (WCAG 2.x A/AA and best practices) in the page as it is now, one line each.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(s_source.Value);
        }
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v =>
              `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)
            """);
        return [.. result.EnumerateArray().Select(v => v.GetString()!)];
    }

    /// <summary>Fails with the list of violations unless there are none.</summary>
    public static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        var violations = await ViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} violation(s) on {what}:\n{string.Join('\n', violations)}");
    }
}
