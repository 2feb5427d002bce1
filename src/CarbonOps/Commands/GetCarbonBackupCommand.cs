using System.Linq;
using System.Management.Automation;
using CarbonOps.Editing;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.Get, "CarbonBackup")]
    [OutputType(typeof(BackupSet))]
    public sealed class GetCarbonBackupCommand : HomeCmdlet
    {
        protected override void ProcessRecord()
        {
            foreach (var path in ProductHome)
            {
                var home = OpenHome(path);
                if (home == null)
                {
                    continue;
                }
                foreach (var manifest in BackupStore.List(home.Path))
                {
                    WriteObject(new BackupSet(manifest.BackupPath, manifest.ProductHome, manifest.Created,
                        manifest.Entries.Select(e => e.RelativePath).Concat(manifest.Modes.Select(m => m.RelativePath)).Distinct().ToArray(), ComputerName));
                }
            }
        }
    }
}
