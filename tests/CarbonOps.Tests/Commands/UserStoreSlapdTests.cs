using System;
using System.Collections;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Commands
{
    /// <summary>
    /// The user store Set-CarbonUserStore writes, read back from user-mgt.xml, binds to a real OpenLDAP (slapd on
    /// loopback with throw-away data) and finds the user under its search base; a wrong password does not bind.
    /// </summary>
    public class UserStoreSlapdTests
    {
        private const string Suffix = "dc=example,dc=com";
        private const string RootDn = "cn=admin,dc=example,dc=com";
        private const string RootPassword = "Slapd-Root-Pa55";

        public sealed class SlapdFactAttribute : FactAttribute
        {
            public SlapdFactAttribute()
            {
                if (OperatingSystem.IsWindows() || !File.Exists("/usr/sbin/slapd") || ExternalTool.Find("ldapsearch", "ldapadd") == null)
                {
                    Skip = "slapd and ldap-utils are not installed (Debian packages; .ci/run installs them): the LDAP bind is not tried.";
                }
            }
        }

        private sealed class Slapd : IDisposable
        {
            private readonly Process process;

            public Slapd(TempFolder temp)
            {
                var data = Path.Combine(temp.Path, "ldap-data");
                Directory.CreateDirectory(data);
                var conf = temp.Write("slapd.conf", string.Join("\n",
                    "include /etc/ldap/schema/core.schema",
                    "include /etc/ldap/schema/cosine.schema",
                    "include /etc/ldap/schema/inetorgperson.schema",
                    "modulepath /usr/lib/ldap",
                    "moduleload back_mdb",
                    "pidfile " + Path.Combine(temp.Path, "slapd.pid"),
                    "database mdb",
                    "maxsize 10485760",
                    "suffix \"" + Suffix + "\"",
                    "rootdn \"" + RootDn + "\"",
                    "rootpw " + RootPassword,
                    "directory " + data, ""));
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                Port = ((IPEndPoint)listener.LocalEndpoint).Port;
                listener.Stop();
                var info = new ProcessStartInfo("/usr/sbin/slapd") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
                foreach (var a in new[] { "-f", conf, "-h", Url, "-d", "0" })
                {
                    info.ArgumentList.Add(a);
                }
                if (Environment.UserName == "root")
                {
                    info.ArgumentList.Add("-u");
                    info.ArgumentList.Add("root");
                }
                process = Process.Start(info);
                for (var i = 0; i < 100 && !Listening(); i++)
                {
                    Thread.Sleep(100);
                }
                Assert.True(Listening(), "slapd did not listen on " + Url);
                var ldif = temp.Write("base.ldif", string.Join("\n",
                    "dn: " + Suffix, "objectClass: dcObject", "objectClass: organization", "o: Example", "dc: example", "",
                    "dn: ou=People," + Suffix, "objectClass: organizationalUnit", "ou: People", "",
                    "dn: uid=alice,ou=People," + Suffix, "objectClass: inetOrgPerson", "uid: alice", "cn: Alice", "sn: Liddell", ""));
                var added = ExternalTool.Run(ExternalTool.Find("ldapadd"), new[] { "-x", "-H", Url, "-D", RootDn, "-w", RootPassword, "-f", ldif }, TimeSpan.FromSeconds(30));
                Assert.True(added.ExitCode == 0, added.Output);
            }

            public int Port { get; }
            public string Url => $"ldap://127.0.0.1:{Port}";

            private bool Listening()
            {
                try
                {
                    using var client = new TcpClient();
                    client.Connect(IPAddress.Loopback, Port);
                    return true;
                }
                catch (SocketException)
                {
                    return false;
                }
            }

            public void Dispose()
            {
                if (!process.HasExited)
                {
                    process.Kill();
                    process.WaitForExit(10000);
                }
                process.Dispose();
            }
        }

        private static (int ExitCode, string Output) Search(UserStoreInfo store, string password) =>
            ExternalTool.Run(ExternalTool.Find("ldapsearch"), new[] { "-x", "-LLL", "-H", store.ConnectionUrl, "-D", store.ConnectionName, "-w", password, "-b", store.UserSearchBase, "(uid=alice)", "dn" },
                TimeSpan.FromSeconds(30));

        [SlapdFact]
        public void TheWrittenStoreBindsToSlapdAndFindsItsUsers()
        {
            using var temp = new TempFolder();
            using var slapd = new Slapd(temp);
            using var ps = new PowerShellRunner();
            var home = temp.CopyHome(TestPaths.SampleHome);
            var output = ps.Run("param($h, $u, $dn, $pw) $c = [pscredential]::new($dn, (ConvertTo-SecureString $pw -AsPlainText -Force)); " +
                "Set-CarbonUserStore -ProductHome $h -Type ReadWriteLdap -ConnectionUrl $u -Credential $c -UserSearchBase 'ou=People,dc=example,dc=com' -Confirm:$false",
                new Hashtable { ["h"] = home, ["u"] = slapd.Url, ["dn"] = RootDn, ["pw"] = RootPassword });
            Assert.Empty(output.Errors);
            var store = UserStoreInfo.Read(CarbonHome.Open(home));
            var found = Search(store, store.ConnectionPassword());
            Assert.True(found.ExitCode == 0, found.Output);
            Assert.Contains("dn: uid=alice,ou=People,dc=example,dc=com", found.Output);
            var wrong = Search(store, "not-the-password");
            Assert.Equal(49, wrong.ExitCode);
        }
    }
}
