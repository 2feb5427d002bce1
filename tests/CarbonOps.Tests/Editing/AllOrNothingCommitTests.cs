using System.IO;
using System.Linq;
using System.Text;
using CarbonOps.Changes;
using CarbonOps.Editing;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Editing
{
    /// <summary>Text edits and new files of one home are one commit: all of it reaches the disk, or none.</summary>
    public class AllOrNothingCommitTests
    {
        private static string Home(TempFolder temp)
        {
            temp.Write("home/repository/conf/carbon.xml", "<Server xmlns=\"http://wso2.org/projects/carbon/carbon.xml\"><HostName>old</HostName></Server>\n");
            temp.Write("home/repository/conf/log4j.properties", "a=1\r\nb=2\n");
            Directory.CreateDirectory(Path.Combine(temp.Path, "home/bin/site"));
            return Path.Combine(temp.Path, "home");
        }

        /// <summary>Two text edits are planned, then a new file whose folder is gone by the time the commit writes it.</summary>
        private static Remedy EditsThenNewFile(string home) => new Remedy("Carbon.HostName", c =>
        {
            var log4j = c.Properties("repository/conf/log4j.properties");
            c.Record(log4j.Path, "a", log4j.Get("a"), "9");
            log4j.Set("a", "9");
            var carbon = c.Xml("repository/conf/carbon.xml");
            c.Record(carbon.Path, "HostName", "old", "new");
            carbon.SetElementText(carbon.SelectSingle("HostName"), "new");
            c.WriteFile(Path.Combine(home, "bin/site/wso2server-local.sh"), Encoding.ASCII.GetBytes("#!/bin/sh\n"), 0x1ed);
            Directory.Delete(Path.Combine(home, "bin/site"));
        });

        [Fact]
        public void AFailedNewFileAfterTextEditsLeavesEveryFileAsItWas()
        {
            using var temp = new TempFolder();
            var home = Home(temp);
            var before = TempFolder.TreeHash(home);
            var files = new[] { "repository/conf/carbon.xml", "repository/conf/log4j.properties" }
                .ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(home, f)));
            CarbonOpsException error = null;
            using (var session = new EditSession(home))
            {
                var results = ChangePipeline.Run(new[] { EditsThenNewFile(home) }, CarbonHome.Open(home), session, null, "test", (_, _, _) => true, e => error = e);
                Assert.All(results, r => Assert.Equal(ChangeStatus.Failed, r.Status));
                Assert.Equal(2, results.Count);
                Assert.False(session.HasPending);
            }
            Assert.NotNull(error);
            Assert.Equal(ErrorIds.ConfigFileNotWritable, error.ErrorId);
            Assert.Contains("put back", error.Message);
            foreach (var file in files)
            {
                Assert.Equal(file.Value, File.ReadAllBytes(Path.Combine(home, file.Key)));
            }
            Assert.False(File.Exists(Path.Combine(home, "bin/site/wso2server-local.sh")));
            // Only the backup set the commit made before its first write is new in the home.
            Directory.Delete(Path.Combine(home, ".carbonops"), true);
            Directory.CreateDirectory(Path.Combine(home, "bin/site"));
            Assert.Equal(before, TempFolder.TreeHash(home));
        }

        [Fact]
        public void WhenTheNewFileCanBeWrittenTheSameCommitWritesAllThree()
        {
            using var temp = new TempFolder();
            var home = Home(temp);
            var plan = new Remedy("Carbon.HostName", c =>
            {
                var carbon = c.Xml("repository/conf/carbon.xml");
                c.Record(carbon.Path, "HostName", "old", "new");
                carbon.SetElementText(carbon.SelectSingle("HostName"), "new");
                c.WriteFile(Path.Combine(home, "bin/site/wso2server-local.sh"), Encoding.ASCII.GetBytes("#!/bin/sh\n"), 0x1ed);
            });
            using (var session = new EditSession(home))
            {
                var results = ChangePipeline.Run(new[] { plan }, CarbonHome.Open(home), session, null, "test", (_, _, _) => true);
                Assert.Equal(ChangeStatus.Changed, Assert.Single(results).Status);
                var manifest = BackupStore.Read(session.BackupPath);
                Assert.Equal(2, manifest.Entries.Count);
            }
            Assert.Contains("<HostName>new</HostName>", File.ReadAllText(Path.Combine(home, "repository/conf/carbon.xml")));
            Assert.Equal("#!/bin/sh\n", File.ReadAllText(Path.Combine(home, "bin/site/wso2server-local.sh")));
        }

        [Fact]
        public void UnderWhatIfTheNewFileIsNotWrittenAndTheResultSaysWhatIf()
        {
            using var temp = new TempFolder();
            var home = Home(temp);
            var before = TempFolder.TreeHash(home);
            var plan = new Remedy("Carbon.HostName", c =>
            {
                c.Record(Path.Combine(home, "bin/site/x.sh"), "x", null, "1");
                c.WriteFile(Path.Combine(home, "bin/site/x.sh"), Encoding.ASCII.GetBytes("x"), 0x1a4);
            });
            using (var session = new EditSession(home))
            {
                var results = ChangePipeline.Run(new[] { plan }, CarbonHome.Open(home), session, null, "test", (_, _, _) => false);
                Assert.Equal(ChangeStatus.WhatIf, Assert.Single(results).Status);
            }
            Assert.Equal(before, TempFolder.TreeHash(home));
        }
    }
}
