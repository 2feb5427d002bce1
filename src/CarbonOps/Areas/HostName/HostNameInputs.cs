using System.Management.Automation;

namespace CarbonOps.Changes
{
    /// <summary>Carbon.HostName's values (see RemedyInputAttribute for what is made from them).</summary>
    public sealed partial class RemediationOptions
    {
        [RemedyInput(CheckIds.CarbonHostName,
            "The host name or IP address clients use for services, written into carbon.xml's HostName (and MgtHostName, unless -MgtHostName says otherwise).",
            Cmdlets = new[] { "Set-CarbonHostName" }, MandatoryIn = new[] { "Set-CarbonHostName" })]
        [ValidateNotNullOrEmpty]
        public string HostName { get; set; }

        [RemedyInput(CheckIds.CarbonHostName, "The host name of the management console (carbon.xml's MgtHostName), when it differs from -HostName.",
            Cmdlets = new[] { "Set-CarbonHostName" })]
        [ValidateNotNullOrEmpty]
        public string MgtHostName { get; set; }

        [RemedyInput(CheckIds.CarbonHostName,
            "An http:// or https:// URL that replaces the scheme, host and port in WSDL endpoint addresses: the WSDLEPRPrefix parameter of axis2.xml's pass-through or NIO http and https transport receivers. Needed only behind a proxy.",
            Cmdlets = new[] { "Set-CarbonHostName" })]
        [ValidateNotNullOrEmpty]
        public string WsdlEprPrefix { get; set; }
    }
}
