using System.Linq;
using System.Management.Automation;
using CarbonOps.Changes;
using CarbonOps.Editing;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.New, "CarbonServiceUnit", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ServiceUnit))]
    public sealed class NewCarbonServiceUnitCommand : HomeCmdlet
    {
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string User { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Group { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string JavaHome { get; set; }

        /// <summary>The unit file or the folder to write it into; /etc/systemd/system by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; }

        [Parameter]
        [ValidateRange(1, 1048576)]
        public int LimitNOFILE { get; set; }

        [Parameter]
        public SwitchParameter SetOwnership { get; set; }

        /// <summary>Runs the node as a worker of a worker/manager cluster (-DworkerNode=true).</summary>
        [Parameter]
        public SwitchParameter WorkerNode { get; set; }

        protected override void ProcessRecord()
        {
            ForEachHome(ProductHome, home =>
            {
                var unit = Write(home);
                if (unit != null)
                {
                    WriteObject(unit);
                }
            });
        }

        private ServiceUnit Write(CarbonHome home)
        {
            var identity = ProductIdentity.Read(home);
            var plan = ServiceUnits.Plan(home, (identity.Name + " " + identity.Version).Trim(), new ServiceUnitRequest
            {
                User = User,
                Group = Group,
                JavaHome = JavaHome == null ? null : ResolvePath(JavaHome),
                Path = Path == null ? null : ResolvePath(Path),
                LimitNoFile = MyInvocation.BoundParameters.ContainsKey(nameof(LimitNOFILE)) ? LimitNOFILE : (int?)null,
                WorkerNode = WorkerNode,
            });
            foreach (var warning in plan.Warnings)
            {
                WriteWarning(warning);
            }
            var remedy = new Remedy(ServiceUnits.CheckId, c =>
            {
                c.Record(plan.Path, "unit " + plan.Name, null, plan.Name);
                c.WriteFile(plan.Path, ServiceUnits.Bytes(plan), 0x1a4 /* 0644 */);
            });
            ChangeResult result;
            using (var session = new EditSession(home.Path))
            {
                result = ChangePipeline.Run(new[] { remedy }, home, session, null, ComputerName,
                    (target, action, _) => ShouldProcess(plan.Path, $"Write the systemd unit {plan.Name}:\n{plan.Content}"),
                    ex => WriteCarbonError(ex, home.Path)).First();
            }
            var status = result.Status;
            string message;
            switch (status)
            {
                case ChangeStatus.Failed: return null;
                case ChangeStatus.AlreadyCompliant: message = "The file already holds this unit."; break;
                case ChangeStatus.WhatIf: message = "Would write the unit (-WhatIf); nothing was written."; break;
                default: message = $"Written. Then: systemctl daemon-reload && systemctl enable --now {plan.Name}"; break;
            }
            var backup = result.BackupPath;
            if (SetOwnership && ShouldProcess(home.Path, $"Give the product home and everything under it to {plan.User.Name}:{plan.Group.Name}"))
            {
                var count = ServiceUnits.GiveHome(home.Path, plan.User.Id, plan.Group.Id);
                message = (message + $" {count} files and folders now belong to {plan.User.Name}:{plan.Group.Name}.").Trim();
            }
            return new ServiceUnit(plan.Name, plan.Path, home.Path, plan.User.Name, plan.Group.Name, status, message, plan.Content, backup, ComputerName);
        }
    }
}
