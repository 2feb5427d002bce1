using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CarbonOps.Changes;
using CarbonOps.Host;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.Set, "CarbonPortOffset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "Offset")]
    [OutputType(typeof(ChangeResult))]
    public sealed partial class SetCarbonPortOffsetCommand : HomeChangeCmdlet
    {
        // -PortOffset (alias -Offset) is declared in PortOffsetInputs.cs.
        private List<HomePorts> others;
        private SocketTable sockets;

        /// <summary>Pick the smallest offset at which no port clashes with another home or a socket in use now.</summary>
        [Parameter(Mandatory = true, ParameterSetName = "Auto")]
        public SwitchParameter Auto { get; set; }

        /// <summary>With -Auto: the other homes on this host; by default the homes Get-CarbonInstance discovers.</summary>
        [Parameter(ParameterSetName = "Auto")]
        [ValidateNotNullOrEmpty]
        public string[] OtherProductHome { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();   // the declared inputs' validators
            if (Auto)
            {
                others = new List<HomePorts>();
                foreach (var path in OtherProductHome ?? InstanceDiscovery.Discover().Select(f => f.Path).ToArray())
                {
                    var home = OpenHome(path);
                    try
                    {
                        if (home != null)
                        {
                            others.Add(HomePorts.Read(home));
                        }
                    }
                    catch (CarbonOpsException ex)
                    {
                        WriteCarbonError(ex, path);
                    }
                }
                sockets = HostProbe.Current.ListeningSockets();
            }
        }

        protected override void ProcessRecord()
        {
            foreach (var path in ProductHome)
            {
                var home = OpenHome(path);
                if (home == null)
                {
                    continue;
                }
                try
                {
                    var offset = Auto ? Choose(home) : PortOffset;
                    if (offset == null)
                    {
                        continue;
                    }
                    var chosen = offset.Value;
                    Change(home, new[] { new Remedy(PortOffsetEditor.CheckId, c => c.Record(PortOffsetEditor.Apply(c.Home, c.Session, chosen))) });
                    if (Auto)
                    {
                        // Later homes of the same call must not take the ports this one now has.
                        var now = HomePorts.Read(home);
                        others.RemoveAll(h => h.Home.Path == home.Path);
                        others.Add(HomePorts.WithOffset(now, offset.Value));
                    }
                }
                catch (CarbonOpsException ex)
                {
                    WriteCarbonError(ex, path);
                }
            }
        }

        private int? Choose(CarbonHome home)
        {
            var plan = OffsetPlan.Find(HomePorts.Read(home), others.Where(h => h.Home.Path != home.Path).ToList(), sockets);
            foreach (var reason in plan.Rejected)
            {
                WriteVerbose(reason);
            }
            foreach (var clash in plan.Unmovable)
            {
                WriteWarning(clash + " Change that port in its file.");
            }
            if (plan.Offset == null)
            {
                WriteCarbonError(new CarbonOpsException(ErrorIds.ParameterValueInvalid,
                    $"No offset gives '{home.Path}' ports that no other home or process wants. Nothing was written.", home.Path), home.Path);
                return null;
            }
            WriteVerbose($"Offset {plan.Offset} clashes with nothing: {home.Path} takes it.");
            return plan.Offset;
        }
    }
}
