using System.Collections;
using System.Management.Automation;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    /// <summary>The parameters of a start, shared by Start- and Restart-CarbonServer.</summary>
    public abstract class ServerStartCmdlet : ServerControlCmdlet
    {
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
    }
}
