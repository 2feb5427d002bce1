using System;
using System.Management.Automation;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Remedies;

namespace CarbonOps.Commands
{
    /// <summary>High impact: protocols the clients or the JDK do not share end every HTTPS connection.</summary>
    [Cmdlet(VerbsCommon.Set, "CarbonTlsProtocol", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ChangeResult))]
    public sealed partial class SetCarbonTlsProtocolCommand : HomeChangeCmdlet
    {
        // -TlsProtocol and -JavaHome are declared in TlsProtocolInputs.cs.
        private string javaHome;

        protected override void Validate()
        {
            var given = JavaHome ?? Environment.GetEnvironmentVariable("JAVA_HOME");
            if (string.IsNullOrEmpty(given))
            {
                throw new CarbonOpsException(ErrorIds.JavaHomeNotFound, "Give -JavaHome (the JDK the server runs on), or set JAVA_HOME: the protocols must be ones that JDK speaks.");
            }
            javaHome = ResolvePath(given);
            TlsProtocolRemedy.Resolve(TlsProtocol, javaHome);
        }

        protected override Remedy CreateRemedy() =>
            new Remedy(TlsProtocolRemedy.CheckId, c => TlsProtocolRemedy.Apply(c, TlsProtocol, javaHome), highImpact: true);
    }
}
