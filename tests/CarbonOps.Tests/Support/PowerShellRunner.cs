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

        /// <summary>Everything one bounded command run produced, on every stream.</summary>
        public sealed class CommandRun
        {
            public Collection<PSObject> Objects = new Collection<PSObject>();
            public List<ErrorRecord> Errors = new List<ErrorRecord>();
            public List<string> Messages = new List<string>();
            /// <summary>An exception that ended the run (a terminating error), or null.</summary>
            public Exception Terminated;
            public bool TimedOut;
        }

        /// <summary>
        /// Runs one command with parameters, stopping it after <paramref name="timeout"/>. Messages
        /// holds the text of the warning, verbose, debug, information and progress streams.
        /// </summary>
        public CommandRun RunCommand(string name, IDictionary parameters, TimeSpan timeout) => RunBounded(ps => ps.AddCommand(name).AddParameters(parameters), timeout);

        /// <summary>As <see cref="RunCommand"/>, for a script.</summary>
        public CommandRun RunScript(string script, IDictionary parameters, TimeSpan timeout) => RunBounded(ps => ps.AddScript(script).AddParameters(parameters), timeout);

        private CommandRun RunBounded(Action<PS> build, TimeSpan timeout)
        {
            // Not disposed when it hangs: disposing would wait for it. The caller then needs a new runner.
            var ps = PS.Create();
            ps.Runspace = runspace;
            build(ps);
            var run = new CommandRun();
            var input = new PSDataCollection<PSObject>();
            input.Complete();
            var output = new PSDataCollection<PSObject>();
            try
            {
                var async = ps.BeginInvoke(input, output);
                if (!async.AsyncWaitHandle.WaitOne(timeout))
                {
                    run.TimedOut = true;
                    ps.BeginStop(null, null).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(5));
                }
                else
                {
                    ps.EndInvoke(async);
                }
            }
            catch (Exception ex) when (ex is RuntimeException || ex is PSInvalidOperationException)
            {
                run.Terminated = ex;
            }
            foreach (var o in output.ReadAll())
            {
                run.Objects.Add(o);
            }
            run.Errors.AddRange(ps.Streams.Error);
            run.Messages.AddRange(ps.Streams.Warning.Select(w => w.Message));
            run.Messages.AddRange(ps.Streams.Verbose.Select(v => v.Message));
            run.Messages.AddRange(ps.Streams.Debug.Select(d => d.Message));
            run.Messages.AddRange(ps.Streams.Information.Select(i => i.MessageData?.ToString()));
            run.Messages.AddRange(ps.Streams.Progress.Select(p => p.Activity + " " + p.StatusDescription + " " + p.CurrentOperation));
            if (!run.TimedOut)
            {
                ps.Dispose();
            }
            return run;
        }

        public void Dispose() => runspace.Dispose();
    }
}
