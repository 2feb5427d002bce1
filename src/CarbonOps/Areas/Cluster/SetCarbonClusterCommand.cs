using System.Management.Automation;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Remedies;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.Set, "CarbonCluster", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ChangeResult))]
    public sealed class SetCarbonClusterCommand : HomeChangeCmdlet
    {
        private ClusterSettings settings;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Domain { get; set; }

        [Parameter]
        [ValidateSet("Wka", "Multicast")]
        public string MembershipScheme { get; set; }

        /// <summary>The address this node advertises to the other members.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string LocalMemberHost { get; set; }

        /// <summary>The cluster port; Carbon does not add the port offset to it.</summary>
        [Parameter]
        [ValidateRange(1, 65535)]
        public int LocalMemberPort { get; set; }

        /// <summary>The well-known members, host:port.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Member { get; set; }

        [Parameter]
        [ValidateSet("worker", "mgt")]
        public string SubDomain { get; set; }

        /// <summary>Turns clustering off (the other values are still set when given).</summary>
        [Parameter]
        public SwitchParameter Disable { get; set; }

        protected override void Validate()
        {
            settings = new ClusterSettings
            {
                Disable = Disable,
                Domain = Domain,
                MembershipScheme = MembershipScheme?.ToLowerInvariant(),
                LocalMemberHost = LocalMemberHost,
                LocalMemberPort = MyInvocation.BoundParameters.ContainsKey(nameof(LocalMemberPort)) ? LocalMemberPort : (int?)null,
                Members = Member,
                SubDomain = SubDomain?.ToLowerInvariant(),
            };
            ClusterPlan.Validate(settings);
        }

        protected override Remedy CreateRemedy() => new Remedy(ClusterPlan.CheckId, c => ClusterPlan.Apply(c, settings));
    }
}
