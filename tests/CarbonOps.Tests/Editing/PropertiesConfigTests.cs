using System.Text;
using CarbonOps.Editing;
using Xunit;

namespace CarbonOps.Tests.Editing
{
    public class PropertiesConfigTests
    {
        private static PropertiesConfig Load(string text) => new PropertiesConfig(TextDocument.FromBytes("t.properties", Encoding.ASCII.GetBytes(text)));

        [Fact]
        public void ReadsSeparatorsCommentsAndContinuations()
        {
            var p = Load("# c\n! c\na=1\nb : 2\nc 3\nd=x\\\n   y\ne = spaced   \n");
            Assert.Equal("1", p.Get("a"));
            Assert.Equal("2", p.Get("b"));
            Assert.Equal("3", p.Get("c"));
            Assert.Equal("xy", p.Get("d"));
            Assert.Equal("spaced", p.Get("e"));
            Assert.Null(p.Get("#"));
        }

        [Fact]
        public void TheLastOfDuplicateKeysWins()
        {
            var p = Load("a=1\na=2\n");
            Assert.Equal("2", p.Get("a"));
            p.Set("a", "3");
            Assert.Equal("a=1\na=3\n", p.Text.Text);
        }

        [Fact]
        public void SetKeepsSpacingAroundTheSeparator()
        {
            var p = Load("x.y = old\r\nz=1\r\n");
            p.Set("x.y", "new");
            Assert.Equal("x.y = new\r\nz=1\r\n", p.Text.Text);
        }

        [Fact]
        public void ANewKeyGoesAfterItsAnchorWithThatLinesBreak()
        {
            var p = Load("a=1\r\nb=2\nc=3\n");
            p.Set("n", "9", "a");
            Assert.Equal("a=1\r\nn=9\r\nb=2\nc=3\n", p.Text.Text);
        }

        [Fact]
        public void ANewKeyWithoutAnchorIsAppended()
        {
            var p = Load("a=1");
            p.Set("n", "9");
            Assert.Equal("a=1\nn=9\n", p.Text.Text);
        }

        [Fact]
        public void RemoveTakesTheWholeLine()
        {
            var p = Load("a=1\nb=2\nc=3\n");
            p.Remove("b");
            Assert.Equal("a=1\nc=3\n", p.Text.Text);
        }
    }
}
