using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Editing;
using CarbonOps.Installation;

namespace CarbonOps.Benchmarks
{
    /// <summary>
    /// Target: one edit including backup and atomic replace ≤ 10 ms, for Set-CarbonPortOffset,
    /// Set-CarbonJvmOption (through the Jvm.Heap remedy, the same editor, over the home's three
    /// launchers) and a Logging.Rotation remedy. Each invocation starts from the stock files with no backup sets.
    /// </summary>
    [InvocationCount(1)]
    public class OneEdit
    {
        private Homes homes;
        private string[] files;
        private byte[][] stock;

        [GlobalSetup]
        public void Setup()
        {
            homes = new Homes(1);
            files = new[] { CarbonPaths.Log4jProperties, CarbonPaths.CarbonXml, CarbonPaths.StartupScriptSh, CarbonPaths.StartupScriptBat, CarbonPaths.WrapperConf }
                .Select(f => Path.Combine(homes.Paths[0], f)).ToArray();
            stock = files.Select(File.ReadAllBytes).ToArray();
        }

        [IterationSetup]
        public void Reset()
        {
            for (var i = 0; i < files.Length; i++)
            {
                File.WriteAllBytes(files[i], stock[i]);
            }
            var state = Path.Combine(homes.Paths[0], ".carbonops");
            if (Directory.Exists(state))
            {
                Directory.Delete(state, true);
            }
        }

        [GlobalCleanup]
        public void Cleanup() => homes.Dispose();

        /// <summary>Read, edit three settings, lock, back up (copy + manifest, flushed), atomic replace (flushed), unlock.</summary>
        [Benchmark]
        public int HardenLog4jRotation() => Remedy("Logging.Rotation");

        /// <summary>Set-CarbonJvmOption's editor: -Xms/-Xmx/-XX:MaxPermSize in wso2server.sh, wso2server.bat and wrapper.conf.</summary>
        [Benchmark]
        public int SetJvmOptions() => Remedy("Jvm.Heap");

        /// <summary>Set-CarbonPortOffset's editor: carbon.xml Ports/Offset.</summary>
        [Benchmark]
        public int SetPortOffset()
        {
            using var session = new EditSession(homes.Paths[0]);
            var offset = new Remedy(PortOffsetEditor.CheckId, c => c.Record(PortOffsetEditor.Apply(c.Home, c.Session, 3)));
            return ChangePipeline.Run(new[] { offset }, CarbonHome.Open(homes.Paths[0]), session, null, "bench", (_, _, _) => true)
                .Count(c => c.Status == ChangeStatus.Changed);
        }

        private int Remedy(string checkId)
        {
            using var session = new EditSession(homes.Paths[0]);
            return ChangePipeline.Run(new[] { CheckCatalog.Find(checkId).ToRemedy() }, CarbonHome.Open(homes.Paths[0]), session, new RemediationOptions(), "bench", (_, _, _) => true)
                .Count(c => c.Status == ChangeStatus.Changed);
        }
    }
}
