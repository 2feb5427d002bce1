using System.Management.Automation;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsLifecycle.Restart, "CarbonServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CarbonServer))]
    public sealed class RestartCarbonServerCommand : ServerStartCmdlet
    {
        public RestartCarbonServerCommand()
        {
            Timeout = 300;
        }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override ServerControlOptions Options()
        {
            var options = base.Options();
            options.Force = Force;
            return options;
        }

        protected override bool Act(ServerControl control, ServerControlOptions options) => control.Restart(options);
    }
}
