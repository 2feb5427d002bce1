using System.Collections.Generic;
using System.Linq;

namespace CarbonOps.Host
{
    /// <summary>A TCP socket listening on this machine, with its owner where the platform and our rights tell it.</summary>
    public sealed class ListeningSocket
    {
        public ListeningSocket(string family, string address, int port, int processId, string processName, string user, string carbonHome)
        {
            Family = family;
            Address = address;
            Port = port;
            ProcessId = processId;
            ProcessName = processName;
            User = user;
            CarbonHome = carbonHome;
        }

        /// <summary>IPv4 or IPv6.</summary>
        public string Family { get; }
        public string Address { get; }
        public int Port { get; }
        /// <summary>0 when the owning process could not be seen.</summary>
        public int ProcessId { get; }
        public string ProcessName { get; }
        public string User { get; }
        /// <summary>The -Dcarbon.home of the owning process when it is a Carbon JVM; null otherwise.</summary>
        public string CarbonHome { get; }
    }

    /// <summary>The listening sockets read at one moment, and whether every owner could be seen.</summary>
    public sealed class SocketTable
    {
        public SocketTable(IReadOnlyList<ListeningSocket> sockets, bool ownersComplete, string note)
        {
            Sockets = sockets;
            OwnersComplete = ownersComplete;
            Note = note;
        }

        public static SocketTable Empty { get; } = new SocketTable(new ListeningSocket[0], true, null);

        public IReadOnlyList<ListeningSocket> Sockets { get; }
        /// <summary>False when some sockets' processes were not visible (not root on Linux).</summary>
        public bool OwnersComplete { get; }
        /// <summary>What could not be seen, in words; null when everything was.</summary>
        public string Note { get; }

        /// <summary>The sockets on these ports, as a reading of them alone would give them: complete when each of their owners was seen.</summary>
        public SocketTable Only(ICollection<int> ports)
        {
            var sockets = Sockets.Where(s => ports.Contains(s.Port)).ToList();
            if (OwnersComplete)
            {
                return new SocketTable(sockets, true, Note);
            }
            var hidden = sockets.Count(s => s.ProcessId == 0);
            return new SocketTable(sockets, hidden == 0, hidden == 0 ? null : HiddenOwnersNote(hidden));
        }

        public static string HiddenOwnersNote(int hidden) =>
            $"{hidden} listening socket(s) belong to processes this user cannot see (run as root to see them all); they show their user but no process.";
    }
}
