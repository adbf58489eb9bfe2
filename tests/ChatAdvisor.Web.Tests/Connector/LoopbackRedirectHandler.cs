namespace ChatAdvisor.Web.Tests.Connector;

/// <summary>Sends requests meant for a public host (e.g. login.microsoftonline.com) to a loopback server instead.</summary>
public sealed class LoopbackRedirectHandler(string loopbackBaseAddress) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.RequestUri = new Uri(new Uri(loopbackBaseAddress), request.RequestUri!.PathAndQuery);
        return base.SendAsync(request, cancellationToken);
    }
}
