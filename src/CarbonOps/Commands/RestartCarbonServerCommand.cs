using System.Collections;
using System.Management.Automation;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsLifecycle.Restart, "CarbonServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(CarbonServer))]
    public sealed class RestartCarbonServerCommand : ServerControlCmdlet
    {
        public RestartCarbonServerCommand()
        {
            Timeout = 300;
        }

        [Parameter]
        public SwitchParameter WorkerNode { get; set; }

        [Parameter]
        public Hashtable SystemProperty { get; set; }

        [Parameter]
        public string JavaHome { get; set; }

        [Parameter]
        public SwitchParameter AllowRoot { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        public SwitchParameter Wait { get; set; }

        protected override bool Report => PassThru || Wait;

        protected override ServerControlOptions Options() => new ServerControlOptions
        {
            WorkerNode = WorkerNode,
            SystemProperties = Properties(SystemProperty),
            JavaHome = string.IsNullOrEmpty(JavaHome) ? null : ResolvePath(JavaHome),
            AllowRoot = AllowRoot,
            Force = Force,
            Wait = Wait,
        };

        protected override bool Act(ServerControl control, ServerControlOptions options) => control.Restart(options);
    }
}
