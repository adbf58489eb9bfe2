using Xunit.Abstractions;
using Xunit.Sdk;

namespace ChatAdvisor.Core.Tests.Infrastructure;

/// <summary>Marks a test class whose tests run on PostgreSQL: they are skipped when <see cref="TestPostgres.SkipReason"/> says so.</summary>
public interface IPostgresTests;

/// <summary>
/// A fact of a test class that runs once per database provider (one derived class each). The PostgreSQL class's
/// cases are skipped, or fail, as <see cref="TestPostgres"/> decides; the SQLite class's always run.
/// </summary>
[XunitTestCaseDiscoverer("ChatAdvisor.Core.Tests.Infrastructure.ProviderFactDiscoverer", "ChatAdvisor.Core.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderFactAttribute : FactAttribute;

/// <summary>The theory counterpart of <see cref="ProviderFactAttribute"/>.</summary>
[XunitTestCaseDiscoverer("ChatAdvisor.Core.Tests.Infrastructure.ProviderTheoryDiscoverer", "ChatAdvisor.Core.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProviderTheoryAttribute : TheoryAttribute;

public sealed class ProviderFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        ProviderSkip.Reason(testMethod) is { } reason
            ? [ProviderSkip.Skipped(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class ProviderTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        ProviderSkip.Reason(testMethod) is { } reason
            ? [ProviderSkip.Skipped(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

internal static class ProviderSkip
{
    public static string? Reason(ITestMethod testMethod) =>
        typeof(IPostgresTests).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType()) ? TestPostgres.SkipReason : null;

    public static IXunitTestCase Skipped(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, string reason) =>
        new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, reason);
}
