using System.Management.Automation;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Remedies;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.Set, "CarbonRegistryMount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ChangeResult))]
    public sealed class SetCarbonRegistryMountCommand : HomeChangeCmdlet
    {
        /// <summary>The JNDI name of the shared registry's datasource (jdbc/WSO2RegistryDB), defined in the home's datasources.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string DataSource { get; set; }

        /// <summary>The registry paths to mount; /_system/config and /_system/governance by default.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = RegistryMountPlan.DefaultPaths;

        /// <summary>The id of the remoteInstance and the name of its dbConfig.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string InstanceId { get; set; } = RegistryMountPlan.DefaultInstanceId;

        /// <summary>Mount read-only (a worker node that must not write the shared registry).</summary>
        [Parameter]
        public SwitchParameter ReadOnly { get; set; }

        protected override void Validate() => RegistryMountPlan.Validate(InstanceId, Path);

        protected override Remedy CreateRemedy() =>
            new Remedy(RegistryMountPlan.CheckId, c => RegistryMountPlan.Apply(c, DataSource, Path, InstanceId, ReadOnly));
    }
}
