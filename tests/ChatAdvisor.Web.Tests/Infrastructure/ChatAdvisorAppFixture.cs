namespace ChatAdvisor.Web.Tests.Infrastructure;

/// <summary>One host shared by the tests of a class; each test starts its own conversations.</summary>
public sealed class ChatAdvisorAppFixture : IDisposable
{
    public ChatAdvisorApp App { get; } = new();

    public void Dispose() => App.Dispose();
}
