using System;
using System.Collections.Generic;
using System.Management.Automation;
using CarbonOps.Changes;
using CarbonOps.Editing;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    /// <summary>
    /// The cmdlet side of the change pipeline, for every cmdlet that changes homes: one edit session per
    /// home for the whole call, the confirmation rule, and each result written as it comes back.
    /// </summary>
    internal sealed class ChangeWriter : IDisposable
    {
        private readonly PSCmdlet cmdlet;
        private readonly Dictionary<string, EditSession> sessions = new Dictionary<string, EditSession>(StringComparer.Ordinal);
        private bool yesToAll;
        private bool noToAll;

        public ChangeWriter(PSCmdlet cmdlet)
        {
            this.cmdlet = cmdlet;
        }

        /// <param name="force">High-impact changes go ahead without the extra confirmation.</param>
        /// <param name="onError">Told of each error a remedy or the commit raised.</param>
        public IReadOnlyList<ChangeResult> Run(CarbonHome home, IEnumerable<Remedy> remedies, RemediationOptions options, bool force, Action<CarbonOpsException> onError)
        {
            var results = ChangePipeline.Run(remedies, home, SessionFor(home.Path), options, Environment.MachineName,
                (target, action, highImpact) => Confirm(target, action, highImpact, force), onError, cmdlet.WriteWarning);
            foreach (var result in results)
            {
                cmdlet.WriteVerbose($"{result.CheckId} {result.Status}: {result.Setting} in '{result.Path}' ('{result.OldValue}' -> '{result.NewValue}').");
                cmdlet.WriteObject(result);
            }
            return results;
        }

        public void Dispose()
        {
            foreach (var session in sessions.Values)
            {
                session.Dispose();
            }
            sessions.Clear();
        }

        /// <summary>
        /// ShouldProcess handles -WhatIf, -Confirm and the cmdlet's own ConfirmImpact. A high-impact remedy
        /// run by a cmdlet of lower impact also asks when $ConfirmPreference is High (the default), unless
        /// -Confirm:$false, -Confirm or -Force was given.
        /// </summary>
        private bool Confirm(string target, string action, bool highImpact, bool force)
        {
            if (!cmdlet.ShouldProcess(target, action))
            {
                return false;
            }
            if (!highImpact || force || OwnImpact == ConfirmImpact.High || cmdlet.MyInvocation.BoundParameters.ContainsKey("Confirm") || ConfirmPreference() != ConfirmImpact.High)
            {
                return true;
            }
            return cmdlet.ShouldContinue($"{action}{Environment.NewLine}This change can lock clients or administrators out. Make it?",
                $"High-impact change to {target}", ref yesToAll, ref noToAll);
        }

        private ConfirmImpact OwnImpact =>
            ((CmdletAttribute)Attribute.GetCustomAttribute(cmdlet.GetType(), typeof(CmdletAttribute))).ConfirmImpact;

        private ConfirmImpact ConfirmPreference()
        {
            var value = cmdlet.GetVariableValue("ConfirmPreference");
            return value != null && Enum.TryParse(value.ToString(), true, out ConfirmImpact preference) ? preference : ConfirmImpact.High;
        }

        private EditSession SessionFor(string home)
        {
            if (!sessions.TryGetValue(home, out var session))
            {
                session = new EditSession(home);
                sessions[home] = session;
            }
            return session;
        }
    }
}
