using System.Management.Automation;

namespace CarbonOps.Changes
{
    /// <summary>Security.ServerHeader's value (see RemedyInputAttribute for what is made from it).</summary>
    public sealed partial class RemediationOptions
    {
        public const string NeutralServerHeader = "WebServer";

        [RemedyInput(CheckIds.SecurityServerHeader, "The neutral value the connectors announce instead of \"WSO2 Carbon Server\". The default is WebServer.")]
        [ValidateNotNullOrEmpty]
        public string ServerHeader { get; set; } = NeutralServerHeader;
    }
}
