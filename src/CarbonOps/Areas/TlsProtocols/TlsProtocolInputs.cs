using System.Management.Automation;

namespace CarbonOps.Changes
{
    /// <summary>Security.TlsProtocols's values (see RemedyInputAttribute for what is made from them).</summary>
    public sealed partial class RemediationOptions
    {
        [RemedyInput(CheckIds.SecurityTlsProtocols,
            "The protocols to enable on the HTTPS connector and the pass-through SSL transports. By default, every one of TLSv1, TLSv1.1 and TLSv1.2 that the home's JDK speaks. A protocol the JDK cannot speak is refused.",
            Cmdlets = new[] { "Set-CarbonTlsProtocol" })]
        [ValidateSet("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3")]
        [Alias("Protocol")]
        public string[] TlsProtocol { get; set; }

        [RemedyInput(CheckIds.SecurityTlsProtocols,
            "The JDK the server runs on, whose version decides which protocols can be enabled. Defaults to $env:JAVA_HOME.",
            Cmdlets = new[] { "Set-CarbonTlsProtocol" })]
        [ValidateNotNullOrEmpty]
        public string JavaHome { get; set; }
    }
}
