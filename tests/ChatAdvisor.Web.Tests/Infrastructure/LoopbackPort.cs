using System.Net;
using System.Net.Sockets;

namespace ChatAdvisor.Web.Tests.Infrastructure;

/// <summary>Loopback ports for servers a test starts itself.</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on at this moment (the system picks it; it is released at once).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
