namespace CarbonOps
{
    /// <summary>One port a product home declares, the port it takes with the offset, and who holds it now.</summary>
    public sealed class CarbonPort
    {
        internal CarbonPort(
            string productHome, string name, string protocol, int basePort, int offset, int port, bool shiftedByOffset,
            bool opensSocket, string source, int proxyPort, bool listening, int processId, string processName, string user,
            string conflict, string note, string computerName)
        {
            ProductHome = productHome;
            Name = name;
            Protocol = protocol;
            BasePort = basePort;
            Offset = offset;
            Port = port;
            ShiftedByOffset = shiftedByOffset;
            OpensSocket = opensSocket;
            Source = source;
            ProxyPort = proxyPort;
            Listening = listening;
            ProcessId = processId;
            ProcessName = processName;
            User = user;
            Conflict = conflict;
            Note = note;
            ComputerName = computerName;
        }

        public string ProductHome { get; }
        /// <summary>What the port is for (Servlet HTTPS transport, JMX RMI registry...).</summary>
        public string Name { get; }
        public string Protocol { get; }
        /// <summary>The port as the file writes it.</summary>
        public int BasePort { get; }
        /// <summary>carbon.xml Ports/Offset of the home.</summary>
        public int Offset { get; }
        /// <summary>The port Carbon takes: BasePort + Offset where Carbon shifts it, else BasePort.</summary>
        public int Port { get; }
        /// <summary>Whether Carbon adds the offset to this port.</summary>
        public bool ShiftedByOffset { get; }
        /// <summary>Whether Carbon opens a socket of its own on it (false for a port that only names another, or that Carbon does not open).</summary>
        public bool OpensSocket { get; }
        /// <summary>File, element or attribute, and line the port comes from.</summary>
        public string Source { get; }
        /// <summary>The Tomcat connector's proxyPort (the port clients use through a proxy); 0 when not set.</summary>
        public int ProxyPort { get; }
        /// <summary>Whether a socket listens on Port now.</summary>
        public bool Listening { get; }
        /// <summary>The listening process; 0 when nothing listens or its process is not visible.</summary>
        public int ProcessId { get; }
        public string ProcessName { get; }
        public string User { get; }
        /// <summary>The other homes or processes that want or hold the same port; null when none.</summary>
        public string Conflict { get; }
        public string Note { get; }
        public string ComputerName { get; }
    }
}
