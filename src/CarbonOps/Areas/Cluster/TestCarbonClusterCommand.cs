using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CarbonOps.Checks.Cluster;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    /// <summary>Checks the nodes of one cluster together: product homes read here, or CarbonCluster objects (also deserialized ones from other hosts).</summary>
    [Cmdlet(VerbsDiagnostic.Test, "CarbonCluster", DefaultParameterSetName = ClusterSet)]
    [OutputType(typeof(CheckResult))]
    public sealed class TestCarbonClusterCommand : CarbonCmdlet
    {
        private const string HomeSet = "ProductHome";
        private const string ClusterSet = "Cluster";
        private const string TypeName = "CarbonOps.CarbonCluster";
        private readonly List<CarbonCluster> nodes = new List<CarbonCluster>();

        /// <summary>Not from the pipeline, where InputObject takes homes and CarbonCluster objects alike.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = HomeSet)]
        [Alias("CarbonHome", "PSPath")]
        [ArgumentCompleter(typeof(ProductHomeCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] ProductHome { get; set; }

        /// <summary>Get-CarbonCluster output (local or from Invoke-Command), or product home paths.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = ClusterSet)]
        [ValidateNotNull]
        public PSObject[] InputObject { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var path in ProductHome ?? new string[0])
            {
                Read(path);
            }
            foreach (var item in InputObject ?? new PSObject[0])
            {
                if (item.BaseObject is CarbonCluster node)
                {
                    nodes.Add(node);
                }
                else if (item.TypeNames.Any(t => t == TypeName || t == "Deserialized." + TypeName))
                {
                    nodes.Add(FromProperties(item));
                }
                else if (item.BaseObject is string path)
                {
                    Read(path);
                }
                else if (item.Properties["ProductHome"]?.Value is string home)
                {
                    Read(home);
                }
                else
                {
                    WriteError(new ErrorRecord(new ArgumentException($"'{item}' is neither a CarbonCluster nor a product home."),
                        ErrorIds.ParameterValueInvalid, ErrorCategory.InvalidArgument, item));
                }
            }
        }

        protected override void EndProcessing()
        {
            if (nodes.Count == 0)
            {
                return;
            }
            if (nodes.Count == 1)
            {
                WriteWarning($"Only one node ({nodes[0].ProductHome}) was given; a cluster check compares several.");
            }
            WriteObject(ClusterRules.Evaluate(nodes, ComputerName), true);
        }

        private void Read(string path)
        {
            var home = OpenHome(path);
            if (home == null)
            {
                return;
            }
            try
            {
                nodes.Add(ClusterReader.Read(home, ComputerName));
            }
            catch (CarbonOpsException ex)
            {
                WriteCarbonError(ex, path);
            }
        }

        private static CarbonCluster FromProperties(PSObject o)
        {
            string S(string name) => o.Properties[name]?.Value?.ToString();
            bool B(string name) => o.Properties[name]?.Value is bool b ? b : string.Equals(S(name), "True", StringComparison.OrdinalIgnoreCase);
            int I(string name) => int.TryParse(S(name), out var i) ? i : 0;
            string[] A(string name)
            {
                var value = o.Properties[name]?.Value;
                value = value is PSObject p ? p.BaseObject : value;
                return value is string s ? new[] { s } : value is IEnumerable e ? e.Cast<object>().Select(x => x?.ToString()).ToArray() : new string[0];
            }
            return new CarbonCluster(S("ProductHome"), S("ComputerName") ?? S("PSComputerName"), B("Enabled"), S("MembershipScheme"), S("Domain"),
                S("LocalMemberHost"), I("LocalMemberPort"), S("SubDomain"), A("Members"), B("WorkerNode"), S("WorkerNodeSource"),
                B("DeploymentSynchronizerEnabled"), B("AutoCommit"), B("AutoCheckout"), S("RepositoryUrl"),
                A("RegistryMounts"), S("ConfigRegistryUrl"), S("GovernanceRegistryUrl"), S("UserStoreType"), S("UserStoreUrl"));
        }
    }
}
