using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace CarbonOps.Host.Online
{
    /// <summary>Whether a TCP port answers within a timeout: the first step of every online check, and the whole check where no client exists.</summary>
    public static class TcpReach
    {
        public static ProbeAnswer Probe(string host, int port, int timeoutSeconds)
        {
            var timeout = TimeSpan.FromSeconds(timeoutSeconds);
            var where = $"{host}:{port}";
            try
            {
                var lookup = Dns.GetHostAddressesAsync(host);
                if (!lookup.Wait(timeout))
                {
                    return ProbeAnswer.Failed("timeout", $"The name {host} did not resolve within {timeoutSeconds} s.");
                }
                var address = lookup.Result.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).FirstOrDefault()
                    ?? throw new SocketException((int)SocketError.HostNotFound);
                using (var client = new TcpClient(address.AddressFamily))
                {
                    var connect = client.ConnectAsync(address, port);
                    if (!connect.Wait(timeout))
                    {
                        return ProbeAnswer.Failed("timeout", $"{where} did not answer within {timeoutSeconds} s (a firewall that drops packets, or no such host).");
                    }
                }
                return ProbeAnswer.Ok($"TCP {where} answers.");
            }
            catch (Exception ex) when (Socket(ex) != null)
            {
                var error = Socket(ex);
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

        private static SocketException Socket(Exception ex) =>
            ex as SocketException ?? (ex as AggregateException)?.Flatten().InnerExceptions.OfType<SocketException>().FirstOrDefault();
    }
}
