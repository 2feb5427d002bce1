using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CarbonOps.Host.Online;
using CarbonOps.SecureVault;

namespace CarbonOps.Checks.Online
{
    /// <summary>
    /// A check that logs in to a server a home depends on. It runs only when -Online asks for it, gives one result per
    /// server, probes them in parallel, never writes, and keeps every password out of what it says.
    /// </summary>
    public abstract class OnlineCheck : CarbonCheck
    {
        public override bool RequiresOnline => true;
        public override CheckScope Scope => CheckScope.Product;
        public override string Description => Title + ". Opens network connections: runs only with Test-CarbonHost -Online.";

        public sealed override CheckResult Evaluate(CheckContext context) => EvaluateAll(context)[0];

        public sealed override IReadOnlyList<CheckResult> EvaluateAll(CheckContext context)
        {
            if (!context.Options.Online)
            {
                return new[] { Skip(context, context.Home.Path, "This check opens network connections: run Test-CarbonHost with -Online.") };
            }
            var results = EvaluateOnline(context);
            return results.Count > 0 ? results : new[] { Skip(context, context.Home.Path, NothingToReach) };
        }

        /// <summary>Why a home gave nothing to probe.</summary>
        protected abstract string NothingToReach { get; }

        protected abstract IReadOnlyList<CheckResult> EvaluateOnline(CheckContext context);

        /// <summary>Runs each probe on its own task; results come back in the order given.</summary>
        protected static IReadOnlyList<CheckResult> InParallel(IEnumerable<Func<CheckResult>> probes)
        {
            // Threads of their own: the probes block, and a starved thread pool would turn quick answers into timeouts.
            var tasks = probes.Select(p => Task.Factory.StartNew(p, TaskCreationOptions.LongRunning)).ToArray();
            Task.WaitAll(tasks);
            return tasks.Select(t => t.Result).ToList();
        }

        /// <summary>A client call, abandoned with a timeout answer if it outlives its own timeouts (a hung server).</summary>
        protected static ProbeAnswer Bounded(Func<ProbeAnswer> call, int timeoutSeconds)
        {
            var task = Task.Factory.StartNew(call, TaskCreationOptions.LongRunning);
            try
            {
                return task.Wait(TimeSpan.FromSeconds(timeoutSeconds * 2 + 1))
                    ? task.Result
                    : ProbeAnswer.Failed("timeout", $"No answer within {timeoutSeconds * 2 + 1} s.");
            }
            catch (AggregateException ex) when (ex.InnerException is System.IO.FileLoadException || ex.InnerException is System.IO.FileNotFoundException)
            {
                // pwsh 7.4 ships an older System.DirectoryServices.Protocols than the LDAP client needs (.NET 9's).
                throw new CarbonOpsException(ErrorIds.CheckFailed,
                    $"A client library did not load in this PowerShell: {ex.InnerException.Message} The LDAP check needs PowerShell 7.5 or later, the database checks 7.4 or later.");
            }
        }

        /// <summary>
        /// The text, or, where the password occurs in it, a note that it was withheld. Not the text with the password
        /// starred out: for a short password that shows where each of its letters stood, and so the password.
        /// </summary>
        protected static string Mask(string text, string password) =>
            string.IsNullOrEmpty(password) || text == null || text.IndexOf(password, StringComparison.Ordinal) < 0
                ? text
                : "(the server's message is withheld: the password occurs in it)";

        /// <summary>
        /// The password of a setting: as written, or decrypted from Secure Vault with -KeystorePassword (or the
        /// home's password file). Null with <paramref name="problem"/> set, and the outcome to give, when it cannot be had.
        /// </summary>
        private protected static string Password(Lazy<VaultVerifier> vault, string written, string alias, out CheckOutcome problemOutcome, out string problem)
        {
            problemOutcome = CheckOutcome.Pass;
            problem = null;
            if (alias == null)
            {
                return written ?? "";
            }
            var entry = vault.Value.Aliases.FirstOrDefault(a => a.Name == alias);
            if (entry?.Plaintext != null)
            {
                return entry.Plaintext;
            }
            var needsPassword = vault.Value.KeyProblemId == ErrorIds.KeystorePasswordRequired;
            problemOutcome = needsPassword ? CheckOutcome.Skipped : CheckOutcome.Error;
            problem = $"The password comes from Secure Vault alias '{alias}' and could not be decrypted: " +
                (needsPassword ? "give -KeystorePassword." : entry?.Message ?? vault.Value.KeyProblem ?? "no such alias.");
            return null;
        }

        private protected static Lazy<VaultVerifier> Vault(CheckContext context) =>
            new Lazy<VaultVerifier>(() => Security.SecureVaultFacts.Vault(context));
    }
}
