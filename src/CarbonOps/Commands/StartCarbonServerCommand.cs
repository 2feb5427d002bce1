using System.Collections;
using System.Management.Automation;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    // Starting is Low impact (it changes nothing that was running); stopping or restarting ends service: Medium.
    [Cmdlet(VerbsLifecycle.Start, "CarbonServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(CarbonServer))]
    public sealed class StartCarbonServerCommand : ServerControlCmdlet
    {
        public StartCarbonServerCommand()
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
        public SwitchParameter Wait { get; set; }

        protected override bool Report => PassThru || Wait;

        protected override ServerControlOptions Options() => new ServerControlOptions
        {
            WorkerNode = WorkerNode,
            SystemProperties = Properties(SystemProperty),
            JavaHome = string.IsNullOrEmpty(JavaHome) ? null : ResolvePath(JavaHome),
            AllowRoot = AllowRoot,
            Wait = Wait,
        };

        protected override bool Act(ServerControl control, ServerControlOptions options) => control.Start(options);
    }
}
