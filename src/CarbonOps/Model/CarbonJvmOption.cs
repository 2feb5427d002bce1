namespace CarbonOps
{
    /// <summary>The JVM memory settings one launcher of a product home (or one running instance) starts Carbon with.</summary>
    public sealed class CarbonJvmOption
    {
        internal CarbonJvmOption(
            string productHome, string launcher, string path, int processId,
            string initialHeap, string maxHeap, string maxPermSize, string maxMetaspaceSize, string[] otherOptions,
            string javaOpts, string effectiveInitialHeap, string effectiveMaxHeap, string effectiveMaxPermSize,
            string effectiveMaxMetaspaceSize, string computerName)
        {
            ProductHome = productHome;
            Launcher = launcher;
            Path = path;
            ProcessId = processId;
            InitialHeap = initialHeap;
            MaxHeap = maxHeap;
            MaxPermSize = maxPermSize;
            MaxMetaspaceSize = maxMetaspaceSize;
            OtherOptions = otherOptions;
            JavaOpts = javaOpts;
            EffectiveInitialHeap = effectiveInitialHeap;
            EffectiveMaxHeap = effectiveMaxHeap;
            EffectiveMaxPermSize = effectiveMaxPermSize;
            EffectiveMaxMetaspaceSize = effectiveMaxMetaspaceSize;
            ComputerName = computerName;
        }

        public string ProductHome { get; }
        /// <summary>The launcher relative to the home (bin/wso2server.sh), or "RunningProcess" for a JVM running now.</summary>
        public string Launcher { get; }
        /// <summary>The launcher file, or /proc/&lt;pid&gt;/cmdline for a running JVM.</summary>
        public string Path { get; }
        /// <summary>The running JVM's process id; 0 for a launcher.</summary>
        public int ProcessId { get; }
        /// <summary>-Xms as the launcher writes it (256m); null when it sets none.</summary>
        public string InitialHeap { get; }
        /// <summary>-Xmx.</summary>
        public string MaxHeap { get; }
        /// <summary>-XX:MaxPermSize (Java 6 and 7).</summary>
        public string MaxPermSize { get; }
        /// <summary>-XX:MaxMetaspaceSize (Java 8 and later).</summary>
        public string MaxMetaspaceSize { get; }
        /// <summary>The launcher's other -X and -XX options, in order.</summary>
        public string[] OtherOptions { get; }
        /// <summary>JAVA_OPTS of this session's environment, for launchers that pass it to java; null otherwise.</summary>
        public string JavaOpts { get; }
        /// <summary>-Xms after JAVA_OPTS is applied where the launcher puts it (the later option wins).</summary>
        public string EffectiveInitialHeap { get; }
        public string EffectiveMaxHeap { get; }
        public string EffectiveMaxPermSize { get; }
        public string EffectiveMaxMetaspaceSize { get; }
        public string ComputerName { get; }
    }
}
