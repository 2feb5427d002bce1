using System;
using System.Collections.Generic;
using System.Management.Automation;
using CarbonOps.Editing;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsData.Restore, "CarbonConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(RestoreResult))]
    public sealed class RestoreCarbonConfigurationCommand : CarbonCmdlet
    {
        private readonly HashSet<string> restored = new HashSet<string>(StringComparer.Ordinal);

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[] BackupPath { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var path in BackupPath)
            {
                var full = ResolvePath(path);
                // Change results of one run all name the same set: restore it once.
                if (!restored.Add(full))
                {
                    continue;
                }
                try
                {
                    var manifest = BackupStore.Read(full);
                    foreach (var step in BackupRestorer.Restore(manifest, ShouldProcess))
                    {
                        var result = new RestoreResult(manifest.ProductHome, step.Path, manifest.BackupPath, step.Status, step.Message, ComputerName, step.UndoPath);
                        if (step.Status == RestoreStatus.Failed)
                        {
                            WriteCarbonError(new CarbonOpsException(ErrorIds.RestoreFailed, step.Message, step.Path), step.Path);
                        }
                        WriteObject(result);
                    }
                }
                catch (CarbonOpsException ex)
                {
                    WriteCarbonError(ex, path);
                }
            }
        }
    }
}
