using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    /// <summary>What Start-, Stop- and Restart-CarbonServer share: homes from the pipeline, a timeout, -PassThru and Ctrl+C.</summary>
    public abstract class ServerControlCmdlet : HomeCmdlet, IDisposable
    {
        private readonly CancellationTokenSource cancel = new CancellationTokenSource();


        /// <summary>Seconds to wait; each cmdlet sets its own default.</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int Timeout { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected abstract bool Act(ServerControl control, ServerControlOptions options);

        protected virtual ServerControlOptions Options() => new ServerControlOptions();

        protected virtual bool Report => PassThru;

        protected override void ProcessRecord()
        {
            var options = Options();
            options.Timeout = TimeSpan.FromSeconds(Timeout);
            foreach (var path in ProductHome)
            {
                var home = OpenHome(path);
                if (home == null)
                {
                    continue;
                }
                var control = new ServerControl(home, ShouldProcess, WriteVerbose, WriteWarning, cancel.Token);
                try
                {
                    Act(control, options);
                    if (Report)
                    {
                        WriteObject(CarbonServerReader.Read(home.Path, home, ComputerName));
                    }
                }
                catch (CarbonOpsException ex)
                {
                    WriteCarbonError(ex, path);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        protected override void StopProcessing() => cancel.Cancel();

        public void Dispose() => cancel.Dispose();

        /// <summary>-SystemProperty @{...} as name → text (booleans as true/false, as Java reads them).</summary>
        protected static IDictionary<string, string> Properties(Hashtable table)
        {
            var properties = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in table ?? new Hashtable())
            {
                var value = entry.Value is PSObject ps ? ps.BaseObject : entry.Value;
                properties[entry.Key.ToString()] = value is bool b ? (b ? "true" : "false") : LanguagePrimitives.ConvertTo<string>(value) ?? "";
            }
            return properties;
        }
    }
}
