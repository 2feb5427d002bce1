using System;
using System.IO;
using System.Linq;
using CarbonOps.Editing;
using CarbonOps.Tests.Reliability;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Editing
{
    public class BackupPermissionTests
    {
        [PosixFact]
        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        public void EveryFolderAndFileOfTheStateFolderIsOwnerOnly()
        {
            using var temp = new TempFolder();
            temp.Write("home/repository/conf/carbon.xml", "<Server/>");
            var file = temp.Write("home/repository/conf/security/cipher-text.properties", "a=[secret]\n");
            var home = Path.Combine(temp.Path, "home");
            using (var session = new EditSession(home))
            {
                session.OpenProperties(file).Set("a", "[other]");
                session.CommitPending();
            }
            var state = Path.Combine(home, ".carbonops");
            var folders = Directory.GetDirectories(state, "*", SearchOption.AllDirectories).Prepend(state).ToList();
            Assert.Contains(folders, f => f.EndsWith("files/repository/conf/security", StringComparison.Ordinal));
            Assert.All(folders, f => Assert.Equal("700", HomeSnapshot.Mode(f)));
            Assert.All(Directory.GetFiles(state, "*", SearchOption.AllDirectories), f => Assert.Equal("600", HomeSnapshot.Mode(f)));
        }
    }
}
