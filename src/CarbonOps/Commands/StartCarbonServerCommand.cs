using System.Management.Automation;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    // Starting is Low impact (it changes nothing that was running); stopping or restarting ends service: Medium.
    [Cmdlet(VerbsLifecycle.Start, "CarbonServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(CarbonServer))]
    public sealed class StartCarbonServerCommand : ServerStartCmdlet
    {
        public StartCarbonServerCommand()
        {
            Timeout = 300;
        }

        protected override bool Act(ServerControl control, ServerControlOptions options) => control.Start(options);
    }
}
