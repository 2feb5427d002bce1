using System.Management.Automation;

namespace CarbonOps.Changes
{
    /// <summary>Security.ConsoleAccess's values (see RemedyInputAttribute for what is made from them).</summary>
    public sealed partial class RemediationOptions
    {
        [RemedyInput(CheckIds.SecurityConsoleAccess,
            "The addresses allowed to reach the management console, as regular expressions or literal IP addresses (dots of literal addresses are escaped). A high-impact change: a wrong list locks every administrator out of the console.",
            Cmdlets = new[] { "Set-CarbonConsoleAccess" }, MandatoryIn = new[] { "Set-CarbonConsoleAccess" })]
        [ValidateNotNullOrEmpty]
        public string[] AllowedAddress { get; set; }

        [RemedyInput(CheckIds.SecurityConsoleAccess,
            "Where the RemoteAddrValve goes: Console (the default) puts it in the console's own context.xml; AllWebApps puts it in repository/conf/context.xml, in front of every web application.",
            Cmdlets = new[] { "Set-CarbonConsoleAccess" })]
        [Alias("Scope")]
        public ConsoleAccessScope ConsoleScope { get; set; } = ConsoleAccessScope.Console;
    }
}
