using System.Net;
using System.Net.Sockets;
using CrmPlatform.AppHost.Infrastructure;

namespace CrmPlatform.AppHost.Tests;

public sealed class FreePortTests
{
    // Linux hands ports from 32768 up to outgoing connections; below 1024 needs root.
    private const int FirstEphemeralPort = 32768;
    private const int FirstUnprivilegedPort = 1024;

    [Fact]
    public void Pick_StaysBelowTheKernelsEphemeralRange()
    {
        var ports = Enumerable.Range(0, 200).Select(_ => FreePort.Pick());

        Assert.All(ports, port => Assert.InRange(port, FirstUnprivilegedPort, FirstEphemeralPort - 1));
    }

    [Fact]
    public void Pick_AvoidsAPortSomeoneListensOn()
    {
        var taken = FreePort.Pick();
        using var listener = new TcpListener(IPAddress.Loopback, taken);
        listener.Start();

        Assert.All(Enumerable.Range(0, 200).Select(_ => FreePort.Pick()), port => Assert.NotEqual(taken, port));
    }

    [Fact]
    public void IsFree_IsFalseForAPortSomeoneListensOn()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        Assert.False(FreePort.IsFree(((IPEndPoint)listener.LocalEndpoint).Port));
    }
}
