using System.Management.Automation;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Remedies;

namespace CarbonOps.Commands
{
    /// <summary>High impact: a wrong allow list locks every administrator out of the console.</summary>
    [Cmdlet(VerbsCommon.Set, "CarbonConsoleAccess", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ChangeResult))]
    public sealed partial class SetCarbonConsoleAccessCommand : HomeChangeCmdlet
    {
        // -AllowedAddress and -ConsoleScope are declared in ConsoleAccessInputs.cs.
        protected override void Validate() => ConsoleAccessRemedy.AllowExpression(AllowedAddress);

        protected override Remedy CreateRemedy() =>
            new Remedy(ConsoleAccessRemedy.CheckId, c => ConsoleAccessRemedy.Apply(c, AllowedAddress, ConsoleScope), highImpact: true);
    }
}
