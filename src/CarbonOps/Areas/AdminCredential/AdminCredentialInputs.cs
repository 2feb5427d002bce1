using System.Management.Automation;

namespace CarbonOps.Changes
{
    /// <summary>Security.DefaultAdminPassword's value (see RemedyInputAttribute for what is made from it).</summary>
    public sealed partial class RemediationOptions
    {
        [RemedyInput(CheckIds.SecurityDefaultAdminPassword,
            "The admin user name and password to write into user-mgt.xml. This only works before the server's first start; after it, the admin user lives in the user store and the change is Skipped with the reason. The password never appears in any output.",
            Cmdlets = new[] { "Set-CarbonAdminCredential" }, MandatoryIn = new[] { "Set-CarbonAdminCredential" }, Secret = true)]
        [Alias("Credential")]
        [Credential]
        [ValidateNotNull]
        public PSCredential AdminCredential { get; set; }
    }
}
