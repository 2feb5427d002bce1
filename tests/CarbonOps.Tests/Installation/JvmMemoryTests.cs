using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Installation
{
    public class JvmMemoryTests
    {
        [Theory]
        [InlineData("256m", 256L)]
        [InlineData("2g", 2048L)]
        [InlineData("2G", 2048L)]
        [InlineData("1048576k", 1024L)]
        [InlineData("1073741824", 1024L)]
        [InlineData("12x", null)]
        [InlineData("", null)]
        public void SizesParse(string size, long? megabytes)
        {
            Assert.Equal(megabytes, JvmMemory.ParseMegabytes(size));
        }

        [Fact]
        public void TheSampleLauncherHasTheStockValues()
        {
            var settings = JvmMemory.Read(CarbonHome.Open(TestPaths.SampleHome));
            Assert.Equal(256, settings.InitialHeapMb);
            Assert.Equal(1024, settings.MaxHeapMb);
            Assert.Equal(256, settings.MaxPermSizeMb);
        }

        [Fact]
        public void AHomeWithoutLaunchersHasNoSettings()
        {
            using var temp = new TempFolder();
            temp.Write("h/repository/conf/carbon.xml", "<Server/>");
            Assert.Null(JvmMemory.Read(CarbonHome.Open(System.IO.Path.Combine(temp.Path, "h"))));
        }
    }
}
