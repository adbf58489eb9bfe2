using System.Reflection;
using ChatAdvisor.Knowledge;
using ChatAdvisor.Web.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatAdvisor.Web.Tests.Hosting;

/// <summary>
/// Every <c>[LoggerMessage]</c> event id is unique across the project and lies in its area's range, so an operator
/// can filter or alert on an id and know where it comes from. The ranges, by namespace (the longest prefix wins):
/// </summary>
public sealed class LogEventIdTests
{
    private static readonly (string Namespace, int From, int To)[] s_ranges =
    [
        ("ChatAdvisor.Advice", 1000, 1099),
        ("ChatAdvisor.Knowledge", 1100, 1199),
        ("ChatAdvisor.Prompts", 1200, 1299),
        ("ChatAdvisor.Generation", 1300, 1399),
        ("ChatAdvisor.Data", 1400, 1499),
        ("ChatAdvisor.Conversations", 1500, 1599),
        ("ChatAdvisor.Review", 1600, 1699),
        ("ChatAdvisor.Cvs", 2000, 2999),
        ("ChatAdvisor.Web.Bot", 3000, 3999),
        ("ChatAdvisor.Web.Channels.DirectLine", 4000, 4999),
        ("ChatAdvisor.Web.Channels", 3000, 4999),
        ("ChatAdvisor.Web.Portal", 5000, 5999),
        ("ChatAdvisor.Web.Hosting", 6000, 6999),
        ("ChatAdvisor.Web.Scaleout", 6300, 6399),
        ("ChatAdvisor.Web.Site", 7000, 7099),
        ("ChatAdvisor.Web.Commands", 7100, 7199),
    ];

    [Fact]
    public void EventIdsAreUniqueAndInTheirAreasRange()
    {
        var messages = (Assembly[])[typeof(KnowledgeBase).Assembly, typeof(StartupBanner).Assembly];
        var found = messages.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Select(m => (Method: $"{t.FullName}.{m.Name}", Namespace: t.Namespace ?? "", Attribute: m.GetCustomAttribute<LoggerMessageAttribute>())))
            .Where(m => m.Attribute is not null)
            .Select(m => (m.Method, m.Namespace, Id: m.Attribute!.EventId))
            .ToList();

        Assert.True(found.Count > 40, $"Only {found.Count} log messages found: the reflection missed them.");
        var shared = found.GroupBy(m => m.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}").ToList();
        Assert.True(shared.Count == 0, "Event ids used twice:\n" + string.Join("\n", shared));
        var misplaced = found.Where(m => Range(m.Namespace) is not var (from, to) || m.Id < from || m.Id > to).Select(m => $"{m.Id} {m.Method}").ToList();
        Assert.True(misplaced.Count == 0, "Event ids outside their area's range:\n" + string.Join("\n", misplaced));
    }

    private static (int From, int To)? Range(string ns) =>
        s_ranges.Where(r => ns == r.Namespace || ns.StartsWith(r.Namespace + ".", StringComparison.Ordinal))
            .OrderByDescending(r => r.Namespace.Length).Select(r => ((int, int)?)(r.From, r.To)).FirstOrDefault();
}
