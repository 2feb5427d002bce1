using System.Management.Automation;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsLifecycle.Stop, "CarbonServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CarbonServer))]
    public sealed class StopCarbonServerCommand : ServerControlCmdlet
    {
        public StopCarbonServerCommand()
        {
            Timeout = 120;
        }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override ServerControlOptions Options() => new ServerControlOptions { Force = Force };

        protected override bool Act(ServerControl control, ServerControlOptions options) => control.Stop(options);
    }
}
