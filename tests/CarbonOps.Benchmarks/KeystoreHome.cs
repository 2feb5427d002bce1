using System;
using System.IO;
using System.Management.Automation.Runspaces;
using System.Security;
using PS = System.Management.Automation.PowerShell;

namespace CarbonOps.Benchmarks
{
    /// <summary>
    /// Gives copies of the sample home the keystores carbon.xml names (wso2carbon.jks with the key 'wso2carbon',
    /// client-truststore.jks) under the stock password, then protects every password with Secure Vault:
    /// New-CarbonKeystore and Protect-CarbonSecret, as a user would.
    /// </summary>
    internal static class KeystoreHome
    {
        private const string StockPassword = "wso2carbon";

        /// <returns>The keystore password, which carbon.xml no longer holds in plain text.</returns>
        public static SecureString Prepare(string[] homes) => Prepare(homes, protect: true);

        /// <summary>The keystores only: every password of the homes still in plain text.</summary>
        public static SecureString PrepareKeystores(string[] homes) => Prepare(homes, protect: false);

        private static SecureString Prepare(string[] homes, bool protect)
        {
            var password = new SecureString();
            foreach (var c in StockPassword)
            {
                password.AppendChar(c);
            }
            password.MakeReadOnly();
            var iss = InitialSessionState.CreateDefault2();
            iss.ImportPSModule(new[] { typeof(CarbonOps.Commands.CarbonCmdlet).Assembly.Location });
            using var runspace = RunspaceFactory.CreateRunspace(iss);
            runspace.Open();
            foreach (var home in homes)
            {
                var security = Path.Combine(home, "repository", "resources", "security");
                Directory.CreateDirectory(security);
                Invoke(runspace, "New-CarbonKeystore", ps => ps.AddParameter("Path", Path.Combine(security, "wso2carbon.jks"))
                    .AddParameter("Alias", "wso2carbon").AddParameter("Subject", "CN=localhost, O=Example, C=US").AddParameter("StorePassword", password));
                Invoke(runspace, "New-CarbonKeystore", ps => ps.AddParameter("Path", Path.Combine(security, "client-truststore.jks"))
                    .AddParameter("Alias", "partner").AddParameter("Subject", "CN=partner.example.com, O=Example, C=US").AddParameter("StorePassword", password));
                if (protect)
                {
                    Invoke(runspace, "Protect-CarbonSecret", ps => ps.AddParameter("ProductHome", home).AddParameter("KeystorePassword", password));
                }
            }
            return password;
        }

        private static void Invoke(Runspace runspace, string command, Action<PS> parameters)
        {
            using var ps = PS.Create();
            ps.Runspace = runspace;
            parameters(ps.AddCommand(command));
            ps.Invoke();
            if (ps.HadErrors)
            {
                throw new InvalidOperationException($"{command}: {string.Join("; ", ps.Streams.Error)}");
            }
        }
    }
}
