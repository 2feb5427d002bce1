using System;
using System.Diagnostics;

namespace CarbonOps.Tests.Support
{
    /// <summary>
    /// Child pwsh processes on one script, started one ahead of use: the next imports the module while the
    /// current one is used and its homes are checked, so its start-up costs no wall time.
    /// </summary>
    public sealed class ChildrenAhead : IDisposable
    {
        private readonly string script;
        private readonly string[] arguments;
        private Process ahead;

        public ChildrenAhead(string script, params string[] arguments)
        {
            this.script = script;
            this.arguments = arguments;
        }

        public Process Next()
        {
            var child = ahead ?? Start();
            ahead = Start();
            return child;
        }

        public void Dispose()
        {
            if (ahead != null && !ahead.HasExited)
            {
                ahead.Kill();
            }
            ahead?.Dispose();
            ahead = null;
        }

        private Process Start() => ChildPwsh.Start(script, arguments);
    }
}
