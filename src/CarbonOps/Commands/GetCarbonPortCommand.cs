using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CarbonOps.Host;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    /// <summary>
    /// Lists the ports of product homes; without -ProductHome, of the homes Get-CarbonInstance discovers. Conflicts are
    /// worked out among all homes of the call.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CarbonPort")]
    [Alias("Get-CarbonPorts")]
    [OutputType(typeof(CarbonPort))]
    public sealed class GetCarbonPortCommand : OptionalHomeCmdlet
    {
        private readonly List<CarbonHome> given = new List<CarbonHome>();
        private readonly List<object> targets = new List<object>();
        private bool anyInput;

        /// <summary>Only ports that another home of the call would also take, or that another process holds now.</summary>
        [Parameter]
        public SwitchParameter Conflict { get; set; }

        protected override void ProcessRecord()
        {
            if (ProductHome == null)
            {
                return;
            }
            anyInput = true;
            foreach (var path in ProductHome)
            {
                Add(path);
            }
        }

        protected override void EndProcessing()
        {
            if (!anyInput)
            {
                foreach (var found in InstanceDiscovery.Discover())
                {
                    Add(found.Path);
                }
            }
            var homes = new List<HomePorts>();
            var read = HomePorts.ReadAll(given);
            for (var i = 0; i < read.Length; i++)
            {
                if (read[i].Value != null)
                {
                    WriteCarbonError(read[i].Value, targets[i]);
                }
                else
                {
                    homes.Add(read[i].Key);
                }
            }
            var sockets = HostProbe.Current.ListeningSockets(new HashSet<int>(homes.SelectMany(h => h.Declared.Select(h.Effective))));
            var map = new PortMap(homes, sockets);
            var ports = homes.SelectMany(h => map.Describe(h, ComputerName)).Where(p => !Conflict || p.Conflict != null).ToList();
            if (sockets.Note != null && ports.Any(p => p.Listening && p.ProcessId == 0))
            {
                WriteWarning(sockets.Note);
            }
            WriteObject(ports, true);
        }

        private void Add(string path)
        {
            var home = OpenHome(path);
            if (home != null && !given.Any(h => h.Path == home.Path))
            {
                given.Add(home);
                targets.Add(path);
            }
        }
    }
}
