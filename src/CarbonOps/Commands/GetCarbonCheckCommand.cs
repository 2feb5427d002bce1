using System.Linq;
using System.Management.Automation;
using CarbonOps.Checks;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.Get, "CarbonCheck")]
    [OutputType(typeof(CheckInfo))]
    public sealed class GetCarbonCheckCommand : CarbonCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(CheckIdCompleter))]
        public string[] CheckId { get; set; }

        [Parameter]
        [ArgumentCompleter(typeof(CategoryCompleter))]
        public string[] Category { get; set; }

        protected override void ProcessRecord()
        {
            var found = CheckCatalog.Select(CheckId, Category).ToList();
            foreach (var pattern in (CheckId ?? new string[0]).Where(p => !WildcardPattern.ContainsWildcardCharacters(p)))
            {
                if (!found.Any(c => string.Equals(c.Id, pattern, System.StringComparison.OrdinalIgnoreCase)))
                {
                    WriteCarbonError(new CarbonOpsException(ErrorIds.CheckNotFound, $"There is no check with the id '{pattern}'. Get-CarbonCheck lists them."), pattern);
                }
            }
            foreach (var check in found)
            {
                WriteObject(check.ToInfo());
            }
        }
    }
}
