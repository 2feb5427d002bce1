using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PS = System.Management.Automation.PowerShell;

namespace CarbonOps.Tests.Support
{
    /// <summary>Runs script in an in-process runspace that has the CarbonOps cmdlets loaded from the built assembly.</summary>
    public sealed class PowerShellRunner : IDisposable
    {
        private static readonly Lazy<InitialSessionState> State = new Lazy<InitialSessionState>(() =>
        {
            var iss = InitialSessionState.CreateDefault2();
            iss.ImportPSModule(new[] { typeof(CarbonOps.Commands.CarbonCmdlet).Assembly.Location });
            return iss;
        });

        private readonly Runspace runspace;

        /// <param name="host">A host for prompts and host output; none by default (prompting then fails).</param>
        public PowerShellRunner(System.Management.Automation.Host.PSHost host = null)
        {
            runspace = host == null ? RunspaceFactory.CreateRunspace(State.Value) : RunspaceFactory.CreateRunspace(host, State.Value);
            runspace.Open();
        }

        public sealed class Output
        {
            public Collection<PSObject> Objects;
            public List<ErrorRecord> Errors;
            public List<string> Warnings;
            public List<string> Verbose;
            public List<string> Debug;
            public List<string> Information;

            public IEnumerable<T> Of<T>() => Objects.Select(o => o.BaseObject).OfType<T>();
        }

        public Output Run(string script, IDictionary parameters = null)
        {
            using var ps = PS.Create();
            ps.Runspace = runspace;
            ps.AddScript(script);
            if (parameters != null)
            {
                ps.AddParameters(parameters);
            }
            var objects = ps.Invoke();
            return new Output
            {
                Objects = objects,
                Errors = ps.Streams.Error.ToList(),
                Warnings = ps.Streams.Warning.Select(w => w.Message).ToList(),
                Verbose = ps.Streams.Verbose.Select(v => v.Message).ToList(),
                Debug = ps.Streams.Debug.Select(d => d.Message).ToList(),
                Information = ps.Streams.Information.Select(i => i.MessageData?.ToString()).ToList(),
            };
        }

        public void Dispose() => runspace.Dispose();
    }
}
