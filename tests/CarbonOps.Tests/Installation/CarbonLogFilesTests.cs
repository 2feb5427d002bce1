using System.IO;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Installation
{
    public class CarbonLogFilesTests
    {
        [Fact]
        public void TheAppendersFileWithCarbonHomeIsUsed()
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome, "h");
            Assert.Equal(Path.Combine(home, "repository", "logs", "wso2carbon.log"), CarbonLogFiles.CurrentPath(CarbonHome.Open(home)));
        }

        [Fact]
        public void AFileValueThatIsNoPathLeavesTheStockLogInsteadOfThrowing()
        {
            using var temp = new TempFolder();
            var home = temp.CopyHome(TestPaths.SampleHome, "h");
            var log4j = Path.Combine(home, CarbonPaths.Log4jProperties);
            File.WriteAllText(log4j, File.ReadAllText(log4j).Replace("${carbon.home}/repository/logs/", "${carbon.home}/repo\0sitory/logs/"));
            Assert.Contains("\0", CarbonHome.Open(home).Properties(CarbonPaths.Log4jProperties).Get(CarbonLogFiles.FileKey));
            Assert.Equal(Path.Combine(home, "repository", "logs", "wso2carbon.log"), CarbonLogFiles.CurrentPath(CarbonHome.Open(home)));
        }
    }
}
