using System;

namespace CarbonOps
{
    public enum ServerState { Running, Starting, Stopped, Unknown }

    /// <summary>What the pid file in the product home says, checked against the live process.</summary>
    public enum PidFileStatus
    {
        /// <summary>There is no wso2carbon.pid.</summary>
        Missing,
        /// <summary>It names the home's running Carbon JVM.</summary>
        Current,
        /// <summary>It names a process that has ended or that is not this home's Carbon JVM (the pid was reused).</summary>
        Stale,
        /// <summary>It cannot be read or holds no pid.</summary>
        Invalid,
    }

    /// <summary>A product home's server: its Carbon JVM if one runs, and what its log says about the last start.</summary>
    public sealed class CarbonServer
    {
        internal CarbonServer(string productHome, ServerState state, string stateReason, int? processId, PidFileStatus pidFileStatus,
            int? pidFileProcessId, string user, DateTime? startTime, TimeSpan? uptime, bool? workerNode, long? initialHeapMb,
            long? maxHeapMb, long? maxPermSizeMb, int[] ports, double? lastStartupSeconds, DateTime? lastStartedAt,
            int? errorsSinceStart, string logPath, string computerName)
        {
            ProductHome = productHome;
            State = state;
            StateReason = stateReason;
            ProcessId = processId;
            PidFileStatus = pidFileStatus;
            PidFileProcessId = pidFileProcessId;
            User = user;
            StartTime = startTime;
            Uptime = uptime;
            WorkerNode = workerNode;
            InitialHeapMb = initialHeapMb;
            MaxHeapMb = maxHeapMb;
            MaxPermSizeMb = maxPermSizeMb;
            Ports = ports;
            LastStartupSeconds = lastStartupSeconds;
            LastStartedAt = lastStartedAt;
            ErrorsSinceStart = errorsSinceStart;
            LogPath = logPath;
            ComputerName = computerName;
        }

        public string ProductHome { get; }
        public ServerState State { get; }
        /// <summary>Why the state is what it is, and what could not be read.</summary>
        public string StateReason { get; }
        /// <summary>The pid of the home's Carbon JVM; null when none runs.</summary>
        public int? ProcessId { get; }
        public PidFileStatus PidFileStatus { get; }
        /// <summary>The pid written in wso2carbon.pid, whatever process it names now.</summary>
        public int? PidFileProcessId { get; }
        /// <summary>The user the JVM runs as.</summary>
        public string User { get; }
        public DateTime? StartTime { get; }
        public TimeSpan? Uptime { get; }
        /// <summary>True when the JVM was started with -DworkerNode=true (no management console).</summary>
        public bool? WorkerNode { get; }
        /// <summary>-Xms of the running JVM's command line, in MB.</summary>
        public long? InitialHeapMb { get; }
        /// <summary>-Xmx of the running JVM's command line, in MB.</summary>
        public long? MaxHeapMb { get; }
        /// <summary>-XX:MaxPermSize of the running JVM's command line, in MB.</summary>
        public long? MaxPermSizeMb { get; }
        /// <summary>The HTTPS and HTTP ports of the running server (configured port plus offset).</summary>
        public int[] Ports { get; }
        /// <summary>n of the last "WSO2 Carbon started in n sec" line of the log.</summary>
        public double? LastStartupSeconds { get; }
        /// <summary>The time of that line.</summary>
        public DateTime? LastStartedAt { get; }
        /// <summary>ERROR and FATAL entries logged after that line; null where the log was not read that far.</summary>
        public int? ErrorsSinceStart { get; }
        public string LogPath { get; }
        public string ComputerName { get; }
    }
}
