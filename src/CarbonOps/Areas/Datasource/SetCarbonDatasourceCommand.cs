using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Installation;
using CarbonOps.Remedies;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.Set, "CarbonDatasource", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ChangeResult))]
    public sealed class SetCarbonDatasourceCommand : HomeChangeCmdlet
    {
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "WSO2_CARBON_DB";

        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string Url { get; set; }

        [Parameter(Mandatory = true)]
        [Credential]
        [ValidateNotNull]
        public PSCredential Credential { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string DriverClassName { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ValidationQuery { get; set; }

        protected override void Validate() => DatasourceRemedy.Resolve(Url, DriverClassName, ValidationQuery);

        protected override Remedy CreateRemedy() =>
            new Remedy(DatasourceRemedy.CheckId, c => DatasourceRemedy.Apply(c, Name, Url, Credential.GetNetworkCredential(), DriverClassName, ValidationQuery));

        protected override void AfterHome(CarbonHome home, IReadOnlyList<ChangeResult> results)
        {
            if (results.Any(r => r.Status == ChangeStatus.Failed || r.Status == ChangeStatus.Skipped))
            {
                return;
            }
            var warning = DatasourceRemedy.MissingDriverWarning(home, Url);
            if (warning != null)
            {
                WriteWarning(warning);
            }
        }
    }
}
