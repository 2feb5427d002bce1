using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CarbonOps.Editing;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Editing
{
    public class XmlConfigTests
    {
        private static XmlConfig Load(string text) => new XmlConfig(TextDocument.FromBytes("t.xml", Encoding.UTF8.GetBytes(text)));

        private static XmlConfig LoadCorpus(string relative, out byte[] before)
        {
            var path = TestPaths.CorpusPath(relative);
            before = File.ReadAllBytes(path);
            return new XmlConfig(TextDocument.FromBytes(path, before));
        }

        [CorpusTheory]
        [MemberData(nameof(CorpusData.Homes), MemberType = typeof(CorpusData))]
        public void ChangingThePortOffsetOfEveryCorpusHomeChangesOneLine(string home)
        {
            var config = LoadCorpus(Path.Combine(home, CarbonPaths.CarbonXml), out var before);
            config.SetElementText(config.SelectSingle("Ports/Offset"), "3");
            var diff = LineDiff.Compare(before, config.Text.ToBytes());
            Assert.Single(diff.Removed);
            Assert.Single(diff.Added);
            Assert.Equal(diff.Removed[0].Replace("<Offset>0</Offset>", "<Offset>3</Offset>"), diff.Added[0]);
            Assert.Equal("3", config.Value("Ports/Offset"));
        }

        [CorpusFact]
        public void AddingAnAttributeToTheCrlfCatalinaConnectorChangesOnlyItsLines()
        {
            var home = TestPaths.CorpusHomes.Select(h => Path.Combine(h, CarbonPaths.CatalinaServerXml)).First(File.Exists);
            var config = LoadCorpus(TestPaths.CorpusRelative(home), out var before);
            var https = config.Root.Descendants().First(e => e.Name.LocalName == "Connector" && (string)e.Attribute("SSLEnabled") == "true");
            config.SetAttribute(https, "sslEnabledProtocols", "TLSv1,TLSv1.1,TLSv1.2");
            var diff = LineDiff.Compare(before, config.Text.ToBytes());
            Assert.Single(diff.Removed);
            Assert.InRange(diff.Added.Count, 1, 2);
            var addedWithoutAttribute = Regex.Replace(string.Concat(diff.Added), @"\s*sslEnabledProtocols=""TLSv1,TLSv1.1,TLSv1.2""", "");
            Assert.Equal(diff.Removed[0], addedWithoutAttribute);
            Assert.Equal("TLSv1,TLSv1.1,TLSv1.2", (string)config.Root.Descendants().First(e => e.Attribute("sslEnabledProtocols") != null).Attribute("sslEnabledProtocols"));
        }

        [Fact]
        public void SetElementTextKeepsEverythingElse()
        {
            var config = Load("<?xml version='1.0'?>\n<!-- c -->\n<S xmlns=\"urn:x\">\n  <P>\n    <O>0</O>\n  </P>\n</S>\n");
            config.SetElementText(config.SelectSingle("P/O"), "a<b&c");
            Assert.Equal("<?xml version='1.0'?>\n<!-- c -->\n<S xmlns=\"urn:x\">\n  <P>\n    <O>a&lt;b&amp;c</O>\n  </P>\n</S>\n", config.Text.Text);
            Assert.Equal("a<b&c", config.Value("P/O"));
        }

        [Fact]
        public void SetElementTextExpandsASelfClosingElement()
        {
            var config = Load("<S><O /></S>");
            config.SetElementText(config.SelectSingle("O"), "5");
            Assert.Equal("<S><O >5</O></S>", config.Text.Text);
        }

        [Fact]
        public void SetElementTextReplacesTextAroundAComment()
        {
            var config = Load("<S><url>jdbc:h2:<!-- path -->;X=1</url><n/></S>");
            config.SetElementText(config.SelectSingle("url"), "jdbc:mysql://db/carbon");
            Assert.Equal("<S><url>jdbc:mysql://db/carbon</url><n/></S>", config.Text.Text);
        }

        [Fact]
        public void CommentedOutElementsAreNotSelected()
        {
            var config = Load("<S>\n  <!--<HostName>a</HostName>-->\n</S>");
            Assert.Null(config.SelectSingle("HostName"));
        }

        [Fact]
        public void SetAttributeKeepsSingleQuotesAndEscapes()
        {
            var config = Load("<S><C a='1' b='2'/></S>");
            var c = config.SelectSingle("C");
            config.SetAttribute(c, "b", "it's");
            Assert.Equal("<S><C a='1' b='it&apos;s'/></S>", config.Text.Text);
            config.SetAttribute(config.SelectSingle("C"), "z", "3");
            Assert.Equal("<S><C a='1' b='it&apos;s' z='3'/></S>", config.Text.Text);
        }

        [Fact]
        public void ANewAttributeOnAMultiLineTagGetsItsOwnLine()
        {
            var config = Load("<S>\r\n  <C port=\"1\"\r\n     scheme=\"https\"/>\r\n</S>\r\n");
            config.SetAttribute(config.SelectSingle("C"), "x", "y");
            Assert.Equal("<S>\r\n  <C port=\"1\"\r\n     scheme=\"https\"\r\n     x=\"y\"/>\r\n</S>\r\n", config.Text.Text);
        }

        [Fact]
        public void RemoveAttributeTakesTheSpaceBeforeIt()
        {
            var config = Load("<S><C a=\"1\" b=\"2\" c=\"3\"/></S>");
            config.RemoveAttribute(config.SelectSingle("C"), "b");
            Assert.Equal("<S><C a=\"1\" c=\"3\"/></S>", config.Text.Text);
        }

        [Fact]
        public void AppendChildIndentsLikeTheSiblings()
        {
            var config = Load("<S>\n\t<A>\n\t\t<B/>\n\t</A>\n</S>\n");
            config.AppendChild(config.SelectSingle("A"), "<V x=\"1\"/>");
            Assert.Equal("<S>\n\t<A>\n\t\t<B/>\n\t\t<V x=\"1\"/>\n\t</A>\n</S>\n", config.Text.Text);
        }

        [Fact]
        public void RemoveElementTakesItsLine()
        {
            var config = Load("<S>\r\n  <A/>\r\n  <B>x</B>\r\n</S>");
            config.RemoveElement(config.SelectSingle("B"));
            Assert.Equal("<S>\r\n  <A/>\r\n</S>", config.Text.Text);
        }
    }
}
