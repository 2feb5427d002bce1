using System;
using System.Collections;
using System.IO;
using System.Linq;
using CarbonOps.Checks;
using CarbonOps.Checks.Host;
using CarbonOps.Checks.Product;
using CarbonOps.Editing;
using CarbonOps.Host;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Checks
{
    /// <summary>Each verdict on the guide's own example, with a negative control beside it.</summary>
    public class GuideVerdictTests
    {
        private const long GiB = 1024L * 1024 * 1024;
        // MemTotal of hosts sold as 4 GB and 8 GB (the RAM less what firmware and kernel keep).
        private const long FourGbHost = 4_037_000L * 1024;
        private const long EightGbHost = 8_070_000L * 1024;

        private static readonly DateTime Today = new DateTime(2026, 12, 3);

        private static CheckResult Run(CarbonCheck check, RecordedHost host, string home = null, CheckOptions options = null) =>
            CheckRunner.Run(check, new CheckContext(host, home == null ? null : CarbonHome.Open(home), options ?? new CheckOptions { Today = Today }));

        private static CheckResult Product(CarbonCheck check, string home, string unitFolder = null) =>
            Run(check, new RecordedHost(), home, new CheckOptions { ServiceUnitFolder = unitFolder ?? Path.Combine(home, "no-units") });

        private static string Sample(TempFolder temp) => temp.CopyHome(TestPaths.SampleHome);

        private static void Write(string home, string relative, string text)
        {
            var path = Path.Combine(home, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path));
            File.WriteAllText(path, text);
        }

        // 1. Jvm.Heap: "-Xms512m -Xmx2048m -XX:MaxPermSize=1024m" ... "To run the JVM with 2 GB (-Xmx2048m), you should ideally have about 4GB".
        [Fact]
        public void TheGuidesHeapFitsItsOwnHardware()
        {
            using var temp = new TempFolder();
            var home = Sample(temp);
            CheckResult Heap(long memory, int instances) => Run(new JvmHeapCheck(), new RecordedHost { MemoryTotalBytes = memory }, home, new CheckOptions { InstanceCount = instances });
            Assert.Equal(CheckOutcome.Fail, Heap(64 * GiB, 1).Outcome); // the stock 256m/1024m/256m
            Assert.DoesNotContain(SecurityCheckTests.Remediate(new JvmHeapCheck(), home, new RemediationOptions()), c => c.Status != ChangeStatus.Changed);
            var one = Heap(FourGbHost, 1);
            Assert.Equal(CheckOutcome.Pass, one.Outcome);
            Assert.Contains("-Xms512m -Xmx2048m -XX:MaxPermSize=1024m", one.Actual);
            Assert.Equal(CheckOutcome.Pass, Heap(EightGbHost, 3).Outcome);
            var four = Heap(EightGbHost, 4);
            Assert.Equal(CheckOutcome.Warning, four.Outcome);
            Assert.Contains("10240 MB", four.Message);
            Assert.Equal(CheckOutcome.Warning, Heap(3L * GiB + GiB / 2, 1).Outcome); // a 3.5 GiB host is not "about 4GB"
        }

        [Fact]
        public void HostMemoryAndJvmHeapAgreeOnAFourGbHost()
        {
            var host = new RecordedHost { MemoryTotalBytes = FourGbHost };
            Assert.Equal(CheckOutcome.Pass, Run(new MemoryCheck(), host).Outcome);
            Assert.Equal(CheckOutcome.Fail, Run(new MemoryCheck(), new RecordedHost { MemoryTotalBytes = 3L * GiB + GiB / 2 }).Outcome);
        }

        // 2. "add the following line above localhost in the /etc/hosts file: <ip_address> <machine_name> localhost"
        [Theory]
        [InlineData("10.0.0.5 web01 localhost\n127.0.0.1 localhost\n", CheckOutcome.Pass)]
        [InlineData("10.0.0.5\tweb01.example.com web01 localhost\n127.0.0.1\tlocalhost\n::1 localhost ipv6-localhost\n", CheckOutcome.Pass)]
        [InlineData("127.0.0.1 localhost\n10.0.0.5 web01 localhost\n", CheckOutcome.Fail)]
        [InlineData("127.0.0.1 localhost web01\n10.0.0.5 web01\n", CheckOutcome.Fail)]
        [InlineData("127.0.0.1 localhost\n", CheckOutcome.Fail)]
        public void TheGuidesSuseHostsLinePasses(string hosts, CheckOutcome expected)
        {
            var host = new RecordedHost { HostName = "web01", HostsFile = hosts, OperatingSystem = RecordedHost.Linux("ID=\"opensuse-leap\"\nID_LIKE=\"suse opensuse\"") };
            Assert.Equal(expected, Run(new HostnameResolvesCheck(), host).Outcome);
        }

        [Fact]
        public void DebiansStockHostNameAddressWarnsAboutClustering()
        {
            var host = new RecordedHost { HostName = "web01", OperatingSystem = RecordedHost.Linux("ID=ubuntu\nID_LIKE=debian") };
            host.Names["web01"] = new[] { "127.0.1.1" };
            var stock = Run(new HostnameResolvesCheck(), host);
            Assert.Equal(CheckOutcome.Warning, stock.Outcome);
            Assert.Contains("cluster", stock.Message);
            host.Names["web01"] = new[] { "127.0.0.1" };
            Assert.Equal(CheckOutcome.Fail, Run(new HostnameResolvesCheck(), host).Outcome);
        }

        // 3. "installed on latest releases of RedHat Enterprise Linux or Ubuntu Server LTS"
        [Theory]
        [InlineData("ID=ubuntu\nVERSION_ID=\"14.04\"\nVERSION=\"14.04.6 LTS, Trusty Tahr\"", CheckOutcome.Fail, "Ubuntu 14.04 LTS (standard support ended 2019-04)")]
        [InlineData("ID=ubuntu\nVERSION_ID=\"12.04\"\nVERSION=\"12.04.5 LTS, Precise Pangolin\"", CheckOutcome.Fail, "Ubuntu 12.04 LTS (standard support ended 2017-04)")]
        [InlineData("ID=ubuntu\nVERSION_ID=\"24.04\"\nVERSION=\"24.04.1 LTS (Noble Numbat)\"", CheckOutcome.Pass, "Ubuntu 24.04 LTS (standard support until 2029-05)")]
        [InlineData("ID=ubuntu\nVERSION_ID=\"25.10\"\nVERSION=\"25.10 (Questing Quokka)\"", CheckOutcome.Warning, "Ubuntu 25.10")]
        [InlineData("ID=\"rhel\"\nVERSION_ID=\"5.11\"", CheckOutcome.Fail, "Red Hat Enterprise Linux 5.11 (standard support ended 2017-03)")]
        [InlineData("ID=\"rhel\"\nVERSION_ID=\"9.4\"", CheckOutcome.Pass, "Red Hat Enterprise Linux 9.4 (standard support until 2032-05)")]
        [InlineData("ID=debian\nVERSION_ID=\"12\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"", CheckOutcome.Warning, "Debian GNU/Linux 12 (bookworm)")]
        public void OnlySupportedRhelOrUbuntuLtsReleasesPass(string osRelease, CheckOutcome expected, string actual)
        {
            var result = Run(new OsDistributionCheck(), new RecordedHost { OperatingSystem = RecordedHost.Linux(osRelease) });
            Assert.Equal(expected, result.Outcome);
            Assert.Equal(actual, result.Actual);
        }

        [Theory]
        [InlineData("Windows Server 2003 R2 Enterprise Edition", CheckOutcome.Fail, "Windows Server 2003 R2 Enterprise Edition (standard support ended 2015-07)")]
        [InlineData("Windows Server 2022 Datacenter", CheckOutcome.Warning, "Windows Server 2022 Datacenter (standard support until 2031-10)")]
        [InlineData("Windows 10 Pro", CheckOutcome.Warning, "Windows 10 Pro")]
        public void WindowsIsAWarningAndUnsupportedWindowsFails(string product, CheckOutcome expected, string actual)
        {
            var host = new RecordedHost { OperatingSystem = new OsFacts(HostPlatform.Windows, "ServerEnterprise", null, product, "3790", null, product) };
            var result = Run(new OsDistributionCheck(), host);
            Assert.Equal(expected, result.Outcome);
            Assert.Equal(actual, result.Actual);
        }

        [Fact]
        public void SupportEndsAfterTheLastMonth()
        {
            var host = new RecordedHost { OperatingSystem = RecordedHost.Linux("ID=ubuntu\nVERSION_ID=\"14.04\"\nVERSION=\"14.04.6 LTS\"") };
            Assert.Equal(CheckOutcome.Pass, Run(new OsDistributionCheck(), host, options: new CheckOptions { Today = new DateTime(2019, 4, 30) }).Outcome);
            Assert.Equal(CheckOutcome.Fail, Run(new OsDistributionCheck(), host, options: new CheckOptions { Today = new DateTime(2019, 5, 1) }).Outcome);
        }

        // 4. "Also OpenJDK is not recommended or supported." 5. "you must use JDK 1.6 instead of JDK 1.7"
        [PosixFact]
        public void OpenJdkFailsAsJdk18Does()
        {
            var openJdk = Run(new JavaVendorCheck(), JavaCheckTests.WithJavaHome(Fixtures.Jdk("openjdk-1.7.0")));
            Assert.Equal(CheckOutcome.Fail, openJdk.Outcome);
            Assert.Contains("not recommended or supported", openJdk.Message);
            Assert.Equal(CheckOutcome.Pass, Run(new JavaVendorCheck(), JavaCheckTests.WithJavaHome(Fixtures.Jdk("oracle-jdk1.7.0_80"))).Outcome);
        }

        [PosixFact]
        public void BuildingFromSourceNeedsJdk16()
        {
            var building = new CheckOptions { BuildFromSource = true };
            var jdk17 = Run(new JavaVersionCheck(), JavaCheckTests.WithJavaHome(Fixtures.Jdk("oracle-jdk1.7.0_80")), options: building);
            Assert.Equal(CheckOutcome.Fail, jdk17.Outcome);
            Assert.Contains("JDK 1.6", jdk17.Message);
            Assert.StartsWith("JDK 1.6", jdk17.Expected);
            Assert.Equal(CheckOutcome.Pass, Run(new JavaVersionCheck(), JavaCheckTests.WithJavaHome(Fixtures.Jdk("oracle-jdk1.6.0_45")), options: building).Outcome);
            Assert.Equal(CheckOutcome.Pass, Run(new JavaVersionCheck(), JavaCheckTests.WithJavaHome(Fixtures.Jdk("oracle-jdk1.7.0_80"))).Outcome);
        }

        // 6. "Copy ... i386.jnilib (32bit) or x86_64.jnilib (64bit) ... to the <PRODUCT_HOME> directory."
        [PosixTheory]
        [InlineData(HostPlatform.MacOS, "x86_64.jnilib", CheckOutcome.Pass)]
        [InlineData(HostPlatform.Solaris, "i386.jnilib", CheckOutcome.Pass)]
        [InlineData(HostPlatform.MacOS, "repository/components/lib/snappy-java-1.0.5.jar", CheckOutcome.Fail)]
        [InlineData(HostPlatform.MacOS, "bin/x86_64.jnilib", CheckOutcome.Fail)]
        [InlineData(HostPlatform.MacOS, null, CheckOutcome.Fail)]
        public void TheSnappyLibraryBelongsInTheProductHome(HostPlatform platform, string file, CheckOutcome expected)
        {
            using var temp = new TempFolder();
            var home = Sample(temp);
            if (file != null)
            {
                Write(home, file, "native library bytes");
            }
            var host = JavaCheckTests.WithJavaHome(Fixtures.Jdk("oracle-jdk1.7.0_80"));
            host.OperatingSystem = new OsFacts(platform, null, null, null, null, null, platform.ToString());
            var result = Run(new JavaSnappyCheck(), host, home);
            Assert.Equal(expected, result.Outcome);
            if (file != null && file.Contains(".jar"))
            {
                Assert.Contains("not enough", result.Actual);
            }
        }

        // 7. The four ways the guide restricts the console, and -DworkerNode.
        private const string GuideValve = "<Valve className=\"org.apache.catalina.valves.RemoteAddrValve\" allow=\"10\\.0\\.0\\.1|10\\.0\\.0\\.2\"/>";

        private static string GuideWebXml(string pattern) =>
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<web-app>\n  <filter>\n    <filter-name>Remote Address Filter</filter-name>\n" +
            "    <filter-class>org.apache.catalina.filters.RemoteAddrFilter</filter-class>\n    <init-param>\n      <param-name>allow</param-name>\n" +
            "      <param-value>127\\.0\\.0\\.1</param-value>\n    </init-param>\n  </filter>\n  <filter-mapping>\n    <filter-name>Remote Address Filter</filter-name>\n" +
            $"    <url-pattern>{pattern}</url-pattern>\n  </filter-mapping>\n</web-app>\n";

        [Fact]
        public void EveryWayTheGuideRestrictsTheConsolePasses()
        {
            using var temp = new TempFolder();
            var stock = Sample(temp);
            Assert.Equal(CheckOutcome.Fail, Product(new ConsoleAccessCheck(), stock).Outcome);

            var all = temp.CopyHome(TestPaths.SampleHome, "all");
            Write(all, CarbonPaths.GlobalContextXml, "<Context>\n    " + GuideValve + "\n</Context>\n");
            var allResult = Product(new ConsoleAccessCheck(), all);
            Assert.Equal(CheckOutcome.Pass, allResult.Outcome);
            Assert.Contains("repository/conf/context.xml", allResult.Actual);

            var filter = temp.CopyHome(TestPaths.SampleHome, "filter");
            Write(filter, CarbonPaths.TomcatWebXml, GuideWebXml("/carbon/admin/login.jsp"));
            var filterResult = Product(new ConsoleAccessCheck(), filter);
            Assert.Equal(CheckOutcome.Pass, filterResult.Outcome);
            Assert.Contains("/carbon/admin/login.jsp", filterResult.Actual);
            Write(filter, CarbonPaths.TomcatWebXml, GuideWebXml("/services/*"));
            Assert.Equal(CheckOutcome.Fail, Product(new ConsoleAccessCheck(), filter).Outcome);

            var catalina = temp.CopyHome(TestPaths.SampleHome, "catalina");
            var catalinaXml = Path.Combine(catalina, CarbonPaths.CatalinaServerXml);
            var text = File.ReadAllText(catalinaXml);
            var hostEnd = text.IndexOf("</Host>", StringComparison.Ordinal);
            Assert.True(hostEnd > 0);
            File.WriteAllText(catalinaXml, text.Insert(hostEnd, GuideValve + "\n"));
            Assert.Equal(CheckOutcome.Pass, Product(new ConsoleAccessCheck(), catalina).Outcome);
            File.WriteAllText(catalinaXml, text.Insert(hostEnd, "<Valve className=\"org.apache.catalina.valves.RemoteAddrValve\" deny=\"10\\..*\"/>\n"));
            var denyOnly = Product(new ConsoleAccessCheck(), catalina);
            Assert.Equal(CheckOutcome.Fail, denyOnly.Outcome);
            Assert.Equal("a RemoteAddrValve without an allow list", denyOnly.Actual);
        }

        [Fact]
        public void AWorkerNodeHasNoConsoleToRestrict()
        {
            using var temp = new TempFolder();
            var home = Sample(temp);
            var units = Path.Combine(temp.Path, "units");
            Directory.CreateDirectory(units);
            File.WriteAllText(Path.Combine(units, "other.service"), "[Service]\nEnvironment=CARBON_HOME=/opt/other\nEnvironment=\"JAVA_OPTS=-DworkerNode=true\"\n");
            Assert.Equal(CheckOutcome.Fail, Product(new ConsoleAccessCheck(), home, units).Outcome);

            File.WriteAllText(Path.Combine(units, "wso2esb.service"), $"[Service]\nEnvironment=CARBON_HOME={home}\nEnvironment=\"JAVA_OPTS=-DworkerNode=true\"\n");
            var unit = Product(new ConsoleAccessCheck(), home, units);
            Assert.Equal(CheckOutcome.Pass, unit.Outcome);
            Assert.Contains("worker node", unit.Actual);
            File.Delete(Path.Combine(units, "wso2esb.service"));

            Write(home, SystemPropertyWrapper.ShellWrapper, "#!/bin/sh\n# -DworkerNode\nexec \"$(dirname \"$0\")/wso2server.sh\" -DworkerNode=false \"$@\"\n");
            Assert.Equal(CheckOutcome.Fail, Product(new ConsoleAccessCheck(), home, units).Outcome);
            Write(home, SystemPropertyWrapper.ShellWrapper, "#!/bin/sh\nexec \"$(dirname \"$0\")/wso2server.sh\" -DworkerNode \"$@\"\n");
            Assert.Equal(CheckOutcome.Pass, Product(new ConsoleAccessCheck(), home, units).Outcome);
        }

        [Fact]
        public void AllWebAppsScopeCreatesTheSharedContextFile()
        {
            using var temp = new TempFolder();
            var home = Sample(temp);
            var file = Path.Combine(home, CarbonPaths.GlobalContextXml);
            var before = TempFolder.TreeHash(home);
            var options = new RemediationOptions { AllowedAddress = new[] { "10.0.0.1" }, ConsoleScope = ConsoleAccessScope.AllWebApps };
            var whatIf = Assert.Single(SecurityCheckTests.Remediate(new ConsoleAccessCheck(), home, options, go: false));
            Assert.Equal(ChangeStatus.WhatIf, whatIf.Status);
            Assert.Equal(before, TempFolder.TreeHash(home));

            var created = Assert.Single(SecurityCheckTests.Remediate(new ConsoleAccessCheck(), home, options));
            Assert.Equal(ChangeStatus.Changed, created.Status);
            Assert.Equal(file, created.Path);
            var xml = System.Xml.Linq.XDocument.Load(file);
            Assert.Equal(@"10\.0\.0\.1", (string)xml.Root.Element("Valve").Attribute("allow"));
            var passed = Product(new ConsoleAccessCheck(), home);
            Assert.Equal(CheckOutcome.Pass, passed.Outcome);
            Assert.Contains("repository/conf/context.xml", passed.Actual);

            var again = Assert.Single(SecurityCheckTests.Remediate(new ConsoleAccessCheck(), home, options));
            Assert.Equal(ChangeStatus.AlreadyCompliant, again.Status);
            BackupRestorer.Restore(BackupStore.Read(created.BackupPath), (_, _) => true).ToList();
            Assert.False(File.Exists(file)); // the run created it, so a restore removes it
            Assert.Equal(CheckOutcome.Fail, Product(new ConsoleAccessCheck(), home).Outcome);
        }

        // 8. "You can use the embedded H2 database ... as the local registry in a registry mount."
        private const string MountedRegistryXml =
            "<wso2registry>\n    <currentDBConfig>wso2registry</currentDBConfig>\n    <dbConfig name=\"wso2registry\">\n        <dataSource>jdbc/WSO2CarbonDB</dataSource>\n    </dbConfig>\n" +
            "    <dbConfig name=\"govregistry\">\n        <dataSource>jdbc/WSO2RegistryDB</dataSource>\n    </dbConfig>\n" +
            "    <remoteInstance url=\"https://localhost:9443/registry\">\n        <id>gov</id>\n        <cacheId>regadmin@jdbc:mysql://db.example.com:3306/regdb</cacheId>\n" +
            "        <dbConfig>govregistry</dbConfig>\n        <readOnly>false</readOnly>\n        <enableCache>true</enableCache>\n        <registryRoot>/</registryRoot>\n    </remoteInstance>\n" +
            "    <mount path=\"/_system/config\" overwrite=\"true\">\n        <instanceId>gov</instanceId>\n        <targetPath>/_system/config</targetPath>\n    </mount>\n" +
            "    <mount path=\"/_system/governance\" overwrite=\"true\">\n        <instanceId>gov</instanceId>\n        <targetPath>/_system/governance</targetPath>\n    </mount>\n</wso2registry>\n";

        private const string MySqlDatasource =
            "        <datasource>\n            <name>WSO2_REG_DB</name>\n            <jndiConfig>\n                <name>jdbc/WSO2RegistryDB</name>\n            </jndiConfig>\n" +
            "            <definition type=\"RDBMS\">\n                <configuration>\n                    <url>jdbc:mysql://db.example.com:3306/regdb</url>\n" +
            "                    <driverClassName>com.mysql.jdbc.Driver</driverClassName>\n                </configuration>\n            </definition>\n        </datasource>\n";

        private static string MountedHome(TempFolder temp, string name, string registryXml, bool realmMoved)
        {
            var home = temp.CopyHome(TestPaths.SampleHome, name);
            var ds = Path.Combine(home, CarbonPaths.MasterDatasourcesXml);
            File.WriteAllText(ds, File.ReadAllText(ds).Replace("    </datasources>", MySqlDatasource + "    </datasources>"));
            Write(home, CarbonPaths.RegistryXml, registryXml);
            if (realmMoved)
            {
                var um = Path.Combine(home, CarbonPaths.UserMgtXml);
                File.WriteAllText(um, File.ReadAllText(um).Replace("<Property name=\"dataSource\">jdbc/WSO2CarbonDB</Property>", "<Property name=\"dataSource\">jdbc/WSO2RegistryDB</Property>"));
            }
            return home;
        }

        [Fact]
        public void H2AsTheLocalRegistryOfAMountPasses()
        {
            using var temp = new TempFolder();
            var guide = Product(new EmbeddedH2Check(), MountedHome(temp, "guide", MountedRegistryXml, realmMoved: true));
            Assert.Equal(CheckOutcome.Pass, guide.Outcome);
            Assert.StartsWith("H2 only as the local registry (WSO2_CARBON_DB)", guide.Actual);
            Assert.Contains("jdbc:mysql://db.example.com:3306/regdb", guide.Actual);

            var realmOnH2 = Product(new EmbeddedH2Check(), MountedHome(temp, "realm", MountedRegistryXml, realmMoved: false));
            Assert.Equal(CheckOutcome.Fail, realmOnH2.Outcome);
            Assert.Contains("user realm", realmOnH2.Message);

            var configOnly = MountedRegistryXml.Replace("    <mount path=\"/_system/governance\" overwrite=\"true\">\n        <instanceId>gov</instanceId>\n        <targetPath>/_system/governance</targetPath>\n    </mount>\n", "");
            Assert.Equal(CheckOutcome.Fail, Product(new EmbeddedH2Check(), MountedHome(temp, "half", configOnly, realmMoved: true)).Outcome);

            var mountedOnH2 = MountedRegistryXml.Replace("<dataSource>jdbc/WSO2RegistryDB</dataSource>", "<dataSource>jdbc/WSO2CarbonDB</dataSource>");
            Assert.Equal(CheckOutcome.Fail, Product(new EmbeddedH2Check(), MountedHome(temp, "h2mount", mountedOnH2, realmMoved: true)).Outcome);
        }

        private const string CorpusMount =
            "    <dbConfig name=\"mountregistry\">\n        <dataSource>jdbc/WSO2RegistryDB</dataSource>\n    </dbConfig>\n" +
            "    <remoteInstance url=\"https://localhost:9443/registry\">\n        <id>mountgov</id>\n        <dbConfig>mountregistry</dbConfig>\n        <readOnly>false</readOnly>\n" +
            "        <registryRoot>/</registryRoot>\n    </remoteInstance>\n" +
            "    <mount path=\"/_system/config\" overwrite=\"true\">\n        <instanceId>mountgov</instanceId>\n        <targetPath>/_system/config</targetPath>\n    </mount>\n" +
            "    <mount path=\"/_system/governance\" overwrite=\"true\">\n        <instanceId>mountgov</instanceId>\n        <targetPath>/_system/governance</targetPath>\n    </mount>\n";

        [CorpusTheory]
        [MemberData(nameof(CorpusData.Homes), MemberType = typeof(CorpusData))]
        public void EveryCorpusHomeMountedTheGuidesWayKeepsH2OnlyAsItsLocalRegistry(string relative)
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.CorpusPath(relative));
            void Splice(string file, string before, string insert)
            {
                var path = Path.Combine(home, file);
                var text = File.ReadAllText(path);
                var at = text.IndexOf(before, StringComparison.Ordinal);
                Assert.True(at > 0, $"{before} in {file}");
                File.WriteAllText(path, text.Insert(at, insert));
            }
            Splice(CarbonPaths.MasterDatasourcesXml, "</datasources>", MySqlDatasource);
            Splice(CarbonPaths.RegistryXml, "</wso2registry>", CorpusMount);
            var realmOnH2 = Product(new EmbeddedH2Check(), home);
            Assert.Equal(CheckOutcome.Fail, realmOnH2.Outcome);
            Assert.Contains("WSO2_CARBON_DB", realmOnH2.Actual);

            var userMgt = Path.Combine(home, CarbonPaths.UserMgtXml);
            File.WriteAllText(userMgt, File.ReadAllText(userMgt).Replace("<Property name=\"dataSource\">jdbc/WSO2CarbonDB</Property>", "<Property name=\"dataSource\">jdbc/WSO2RegistryDB</Property>"));
            var mounted = Product(new EmbeddedH2Check(), home);
            var otherH2 = CarbonHome.Open(home).Xml(CarbonPaths.MasterDatasourcesXml).Select("datasources/datasource")
                .Where(d => d.Descendants().Any(e => e.Name.LocalName == "url" && e.Value.Trim().StartsWith("jdbc:h2:", StringComparison.Ordinal)))
                .Select(d => d.Elements().First(e => e.Name.LocalName == "name").Value.Trim()).Where(n => n != "WSO2_CARBON_DB").ToList();
            if (otherH2.Count == 0)
            {
                Assert.Equal(CheckOutcome.Pass, mounted.Outcome);
                Assert.StartsWith("H2 only as the local registry (WSO2_CARBON_DB)", mounted.Actual);
            }
            else
            {
                Assert.Equal(CheckOutcome.Fail, mounted.Outcome); // API Manager's own H2 databases are not the local registry
                Assert.Equal("H2: " + string.Join(", ", otherH2), mounted.Actual);
            }
        }

        [CorpusTheory]
        [MemberData(nameof(CorpusData.Homes), MemberType = typeof(CorpusData))]
        public void EveryCorpusAxis2GetsTheOutboundProxyItsSendersRead(string relative)
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.CorpusPath(relative));
            var axis2 = Path.Combine(home, CarbonPaths.Axis2Xml);
            var before = File.ReadAllBytes(axis2);
            var commons = CarbonHome.Open(home).Xml(CarbonPaths.Axis2Xml).Root.Elements()
                .Count(e => e.Name.LocalName == "transportSender" && (string)e.Attribute("class") == Remedies.ProxyRemedy.CommonsHttpSender);
            using (var session = new EditSession(home))
            {
                var remedy = new Remedy(Remedies.ProxyRemedy.CheckId, c => Remedies.ProxyRemedy.SetOutboundProxy(c, "proxy.example.com", 3128, null));
                var changes = HardeningEngine.RemediateHome(new[] { remedy }, CarbonHome.Open(home), session, new RemediationOptions(), "test", (_, _, _) => true);
                Assert.All(changes, c => Assert.Equal(ChangeStatus.Changed, c.Status));
            }
            var diff = LineDiff.Compare(before, File.ReadAllBytes(axis2));
            Assert.DoesNotContain(diff.Removed, l => !l.Contains("proxy", StringComparison.OrdinalIgnoreCase)); // a commented-out proxy parameter may be uncommented
            var report = Product(new ProxyCheck(), home).Actual;
            Assert.Equal(commons, System.Text.RegularExpressions.Regex.Matches(report, "Proxy=ProxyHost=proxy.example.com ProxyPort=3128").Count);
            Assert.Contains("proxy.example.com", report);
        }

        // 9. "Ensure that you have a relevant log rotation scheme to manage logs."
        [Fact]
        public void APlainFileAppenderNeverRotatesAndFails()
        {
            using var temp = new TempFolder();
            var home = Sample(temp);
            var log4j = Path.Combine(home, CarbonPaths.Log4jProperties);
            var text = File.ReadAllText(log4j);
            var stock = text.Split('\n').First(l => l.StartsWith("log4j.appender.CARBON_LOGFILE=", StringComparison.Ordinal)).TrimEnd('\r');
            File.WriteAllText(log4j, text.Replace(stock, "log4j.appender.CARBON_LOGFILE=org.apache.log4j.FileAppender"));
            var plain = Product(new CarbonLogRotationCheck(), home);
            Assert.Equal(CheckOutcome.Fail, plain.Outcome);
            Assert.Contains("never rotates", plain.Message);
            Assert.Contains(SecurityCheckTests.Remediate(new CarbonLogRotationCheck(), home, new RemediationOptions()),
                c => c.Setting == "log4j.appender.CARBON_LOGFILE" && c.OldValue == "org.apache.log4j.FileAppender" && c.Status == ChangeStatus.Changed);
            var rolled = Product(new CarbonLogRotationCheck(), home);
            Assert.Equal(CheckOutcome.Pass, rolled.Outcome);
            Assert.Equal("RollingFileAppender, MaxFileSize 10MB, MaxBackupIndex 20", rolled.Actual);
        }

        // 10. "-Dhttp.proxyHost / -Dhttp.proxyPort" at start-up, or axis2.xml's <parameter name="Proxy">.
        [Fact]
        public void SystemPropertiesWrittenTheGuidesWayAreReported()
        {
            using var temp = new TempFolder();
            var home = Sample(temp);
            var none = Product(new ProxyCheck(), home);
            Assert.StartsWith("No proxy is configured", none.Message);
            using var ps = new PowerShellRunner();
            var output = ps.Run("param($h) Set-CarbonJvmOption $h -SystemProperty @{ 'http.proxyHost' = 'proxy.example.com'; 'http.proxyPort' = '3128' } -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.Empty(output.Errors);
            var found = Product(new ProxyCheck(), home);
            Assert.Equal(CheckOutcome.Pass, found.Outcome);
            Assert.Contains("bin/wso2server-local.sh: http.proxyHost=proxy.example.com", found.Actual);
            Assert.Contains("bin/wso2server-local.sh: http.proxyPort=3128", found.Actual);
            Assert.DoesNotContain("No proxy", found.Message);
        }

        [Fact]
        public void AServiceUnitsProxyIsReadAndAHostWithoutPortWarns()
        {
            using var temp = new TempFolder();
            var home = Sample(temp);
            var units = Path.Combine(temp.Path, "units");
            Directory.CreateDirectory(units);
            File.WriteAllText(Path.Combine(units, "other.service"), "[Service]\nEnvironment=CARBON_HOME=/opt/other\nEnvironment=\"JAVA_OPTS=-Dhttp.proxyHost=elsewhere -Dhttp.proxyPort=1\"\n");
            Assert.Equal("no proxy settings", Product(new ProxyCheck(), home, units).Actual);
            var unit = Path.Combine(units, "wso2esb.service");
            File.WriteAllText(unit, $"[Service]\nEnvironment=\"CARBON_HOME={home}\"\nEnvironment=\"JAVA_OPTS=-Dhttp.proxyHost=proxy.example.com\"\n");
            var half = Product(new ProxyCheck(), home, units);
            Assert.Equal(CheckOutcome.Warning, half.Outcome);
            Assert.Contains("without http.proxyPort", half.Message);
            File.WriteAllText(unit, $"[Service]\nEnvironment=\"CARBON_HOME={home}\"\nEnvironment=\"JAVA_OPTS=-Dhttp.proxyHost=proxy.example.com -Dhttp.proxyPort=3128\"\n");
            var whole = Product(new ProxyCheck(), home, units);
            Assert.Equal(CheckOutcome.Pass, whole.Outcome);
            Assert.Contains(unit + ": http.proxyPort=3128", whole.Actual);
        }

        [Fact]
        public void SetCarbonProxyWritesTheGuidesProxyParameter()
        {
            using var temp = new TempFolder();
            var home = Sample(temp);
            var axis2 = Path.Combine(home, CarbonPaths.Axis2Xml);
            var text = File.ReadAllText(axis2);
            var local = text.IndexOf("    <transportSender name=\"local\"", StringComparison.Ordinal);
            Assert.True(local > 0);
            File.WriteAllText(axis2, text.Insert(local,
                "    <transportSender name=\"http-commons\" class=\"org.apache.axis2.transport.http.CommonsHTTPTransportSender\">\n" +
                "        <parameter name=\"PROTOCOL\">HTTP/1.1</parameter>\n    </transportSender>\n"));
            var before = File.ReadAllLines(axis2);
            using var ps = new PowerShellRunner();
            var output = ps.Run("param($h) Set-CarbonProxy -ProductHome $h -OutboundProxy proxy.example.com:3128 -PassThru -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.Empty(output.Errors);
            var changes = output.Of<ChangeResult>().ToList();
            Assert.Contains(changes, c => c.Setting == "transportSender[http-commons]/parameter[Proxy]/Configuration/ProxyHost" && c.NewValue == "proxy.example.com" && c.Status == ChangeStatus.Changed);
            Assert.Contains(changes, c => c.Setting == "transportSender[http]/parameter[http.proxyHost]" && c.Status == ChangeStatus.Changed);
            var sender = System.Xml.Linq.XDocument.Load(axis2).Root.Elements("transportSender").Single(e => (string)e.Attribute("name") == "http-commons");
            var configuration = sender.Elements("parameter").Single(p => (string)p.Attribute("name") == "Proxy").Element("Configuration");
            Assert.Equal("proxy.example.com", configuration.Element("ProxyHost").Value);
            Assert.Equal("3128", configuration.Element("ProxyPort").Value);
            Assert.Contains("axis2.xml sender http-commons: Proxy=ProxyHost=proxy.example.com ProxyPort=3128", Product(new ProxyCheck(), home).Actual);
            var diff = LineDiff.Compare(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", before) + "\n"), File.ReadAllBytes(axis2));
            Assert.Empty(diff.Removed);
            Assert.Contains("                <ProxyHost>proxy.example.com</ProxyHost>", diff.Added);
            var again = ps.Run("param($h) Set-CarbonProxy -ProductHome $h -OutboundProxy proxy.example.com:3128 -PassThru -Confirm:$false", new Hashtable { ["h"] = home });
            Assert.All(again.Of<ChangeResult>(), c => Assert.Equal(ChangeStatus.AlreadyCompliant, c.Status));
        }

        // 11. "3 GHz Dual-core Xeon/Opteron (or latest)"; three instances "a 4 GHz CPU"; a VM "2 compute units minimum
        // (each unit having 1.0-1.2 GHz ...)", three instances "4 compute units"; "1 c3.large instance to run one".
        [Theory]
        [InlineData(2, 2, 3000.0, 1, CheckOutcome.Pass)]   // the guide's own dual-core 3 GHz
        [InlineData(16, 32, 2600.0, 1, CheckOutcome.Pass)] // a modern many-core part at 2.6 GHz
        [InlineData(2, 2, 2600.0, 1, CheckOutcome.Fail)]   // 5.2 GHz of capacity
        [InlineData(1, 2, 6000.0, 1, CheckOutcome.Fail)]   // one core
        [InlineData(8, 8, 1500.0, 1, CheckOutcome.Fail)]   // below the per-core floor
        [InlineData(2, 2, 4000.0, 3, CheckOutcome.Pass)]   // the guide's 4 GHz for three instances
        [InlineData(2, 2, 3000.0, 3, CheckOutcome.Fail)]
        [InlineData(4, 8, 2500.0, 3, CheckOutcome.Pass)]
        public void APhysicalServerIsJudgedOnCapacity(int cores, int logical, double mhz, int instances, CheckOutcome expected)
        {
            var result = Run(new CpuCheck(), new RecordedHost { Cpu = new CpuFacts(logical, cores, mhz, "x") }, options: new CheckOptions { InstanceCount = instances });
            Assert.Equal(expected, result.Outcome);
            Assert.StartsWith(instances == 1 ? "6 GHz of capacity" : "8 GHz of capacity", result.Expected);
        }

        [Theory]
        [InlineData(2, 1100.0, 1, CheckOutcome.Pass)]
        [InlineData(4, 1200.0, 3, CheckOutcome.Pass)] // the guide's four compute units for three instances
        [InlineData(4, 500.0, 3, CheckOutcome.Fail)]
        [InlineData(3, 2400.0, 3, CheckOutcome.Fail)]
        public void AVirtualMachineNeedsComputeUnitsOfAGigahertz(int vcpus, double mhz, int instances, CheckOutcome expected)
        {
            var result = Run(new CpuCheck(), new RecordedHost { Cpu = new CpuFacts(vcpus, null, mhz, null) },
                options: new CheckOptions { Profile = HostProfile.VirtualMachine, InstanceCount = instances });
            Assert.Equal(expected, result.Outcome);
        }

        [Fact]
        public void AnEc2InstanceIsNamedAndComparedWithTheGuidesC3Types()
        {
            var nitro = new RecordedHost { Cpu = new CpuFacts(4, null, 2900, null), Machine = new MachineFacts("Amazon EC2", "c5.xlarge", "1.0") };
            var three = Run(new CpuCheck(), nitro, options: new CheckOptions { InstanceCount = 3 });
            Assert.Equal(CheckOutcome.Pass, three.Outcome);
            Assert.StartsWith("EC2 c5.xlarge, 4 logical processors", three.Actual);
            Assert.Contains("c3.large", three.Expected);
            Assert.Contains("c3.xlarge", three.Expected);
            var small = new RecordedHost { Cpu = new CpuFacts(2, null, 2900, null), Machine = new MachineFacts("Amazon EC2", "c5.large", "1.0") };
            Assert.Equal(CheckOutcome.Pass, Run(new CpuCheck(), small).Outcome);
            Assert.Equal(CheckOutcome.Fail, Run(new CpuCheck(), small, options: new CheckOptions { InstanceCount = 3 }).Outcome);
            var xen = new RecordedHost { Cpu = new CpuFacts(2, null, 2800, null), Machine = new MachineFacts("Xen", "HVM domU", "4.2.amazon") };
            Assert.StartsWith("EC2 instance type not in DMI", Run(new CpuCheck(), xen).Actual);
            var dell = new RecordedHost { Cpu = new CpuFacts(2, 2, 2600, null), Machine = new MachineFacts("Dell Inc.", "PowerEdge R640", "2.1.8") };
            Assert.DoesNotContain("EC2", Run(new CpuCheck(), dell).Actual);
        }

        [Fact]
        public void TheLinuxProbeReadsDmi()
        {
            using var temp = new TempFolder();
            temp.Write("dmi/sys_vendor", "Amazon EC2\n");
            temp.Write("dmi/product_name", "c5.large\n");
            temp.Write("dmi/bios_version", "1.0\n");
            var machine = LinuxHostProbe.ReadMachine(Path.Combine(temp.Path, "dmi"));
            Assert.Equal("c5.large", machine.Ec2InstanceType);
            Assert.Null(LinuxHostProbe.ReadMachine(Path.Combine(temp.Path, "none")));
        }
    }
}
