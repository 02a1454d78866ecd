using System.Net;
using System.Net.Sockets;

namespace CrmPlatform.AppHost.Infrastructure;

public static class FreePort
{
    // Below Linux's ephemeral range (32768-60999): the kernel hands those to every outgoing
    // connection, so one could take a service's port while the service restarts on it.
    private const int Lowest = 20000;
    private const int Highest = 32767;

    /// <summary>A loopback port nobody listens on right now, outside the range outgoing connections use.</summary>
    public static int Pick()
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = Random.Shared.Next(Lowest, Highest + 1);
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port between {Lowest} and {Highest}.");
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static async Task<bool> Answers(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
