using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace CarbonOps.Host.Online
{
    /// <summary>
    /// Whether a TCP port answers within a timeout: the first step of every online check, and the whole check where no
    /// client exists. Blocking calls on the caller's thread (a non-blocking connect and a poll), so a busy thread pool
    /// cannot turn a quick answer into a timeout.
    /// </summary>
    public static class TcpReach
    {
        public static ProbeAnswer Probe(string host, int port, int timeoutSeconds)
        {
            var where = $"{host}:{port}";
            try
            {
                var address = Resolve(host, timeoutSeconds);
                if (address == null)
                {
                    return ProbeAnswer.Failed("timeout", $"The name {host} did not resolve within {timeoutSeconds} s.");
                }
                using (var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { Blocking = false })
                {
                    try
                    {
                        socket.Connect(address, port);
                    }
                    catch (SocketException ex) when (ex.SocketErrorCode == SocketError.WouldBlock || ex.SocketErrorCode == SocketError.InProgress)
                    {
                        // Connecting: wait for writable (connected) or an error.
                    }
                    if (!socket.Poll(timeoutSeconds * 1000000, SelectMode.SelectWrite))
                    {
                        var error = (SocketError)(int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error);
                        if (error != SocketError.Success)
                        {
                            throw new SocketException((int)error);
                        }
                        return ProbeAnswer.Failed("timeout", $"{where} did not answer within {timeoutSeconds} s (a firewall that drops packets, or no such host).");
                    }
                    var result = (SocketError)(int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error);
                    if (result != SocketError.Success)
                    {
                        throw new SocketException((int)result);
                    }
                }
                return ProbeAnswer.Ok($"TCP {where} answers.");
            }
            catch (SocketException error)
            {
                switch (error.SocketErrorCode)
                {
                    case SocketError.ConnectionRefused:
                        return ProbeAnswer.Failed("port closed", $"{where} refused the connection: nothing listens on port {port}.");
                    case SocketError.HostNotFound:
                    case SocketError.NoData:
                    case SocketError.TryAgain:
                        return ProbeAnswer.Failed("host not found", $"The name {host} does not resolve ({error.Message}).");
                    case SocketError.TimedOut:
                        return ProbeAnswer.Failed("timeout", $"{where} did not answer ({error.Message}).");
                    default:
                        return ProbeAnswer.Failed("host unreachable", $"{where}: {error.Message}");
                }
            }
        }

        /// <summary>An IP literal as it is; a name through the resolver, on a thread of its own, bounded by the timeout (null when it runs out).</summary>
        private static IPAddress Resolve(string host, int timeoutSeconds)
        {
            if (IPAddress.TryParse(host, out var literal))
            {
                return literal;
            }
            var lookup = Task.Factory.StartNew(() => Dns.GetHostAddresses(host), TaskCreationOptions.LongRunning);
            try
            {
                if (!lookup.Wait(TimeSpan.FromSeconds(timeoutSeconds)))
                {
                    return null;
                }
            }
            catch (AggregateException ex) when (ex.InnerException is SocketException socket)
            {
                throw socket;
            }
            return lookup.Result.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).FirstOrDefault()
                ?? throw new SocketException((int)SocketError.HostNotFound);
        }
    }
}
