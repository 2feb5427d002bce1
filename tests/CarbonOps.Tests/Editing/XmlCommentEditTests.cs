using System;
using System.IO;
using System.Linq;
using System.Text;
using CarbonOps.Editing;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Editing
{
    public class XmlCommentEditTests
    {
        private static XmlConfig Load(string text) => new XmlConfig(TextDocument.FromBytes("t.xml", Encoding.UTF8.GetBytes(text)));

        [Fact]
        public void ACarbonStyleCommentedElementIsUncommentedInPlace()
        {
            var config = Load("<S xmlns=\"urn:c\">\r\n    <!-- the name -->\r\n    <!--HostName>www.wso2.org</HostName-->\r\n    <V>1</V>\r\n</S>\r\n");
            var comment = config.FindCommentedElement(config.Root, "HostName");
            Assert.NotNull(comment);
            var element = config.Uncomment(comment, "HostName");
            config.SetElementText(element, "carbon.example.com");
            Assert.Equal("<S xmlns=\"urn:c\">\r\n    <!-- the name -->\r\n    <HostName>carbon.example.com</HostName>\r\n    <V>1</V>\r\n</S>\r\n", config.Text.Text);
            Assert.Equal("urn:c", config.SelectSingle("HostName").Name.NamespaceName);
        }

        [Fact]
        public void ACommentedElementWithAttributesIsFoundByItsAttribute()
        {
            var config = Load("<a>\n  <t>\n    <!--parameter name=\"bind-address\" locked=\"false\">x</parameter-->\n    <!--<parameter name=\"WSDLEPRPrefix\" locked=\"false\">https://h:1/p</parameter>-->\n  </t>\n</a>");
            var t = config.SelectSingle("t");
            var comment = config.FindCommentedElement(t, "parameter", e => (string)e.Attribute("name") == "WSDLEPRPrefix");
            var element = config.Uncomment(comment, "parameter");
            config.SetElementText(element, "https://lb:443");
            Assert.Contains("    <parameter name=\"WSDLEPRPrefix\" locked=\"false\">https://lb:443</parameter>\n", config.Text.Text);
            Assert.Contains("<!--parameter name=\"bind-address\"", config.Text.Text);
        }

        [Fact]
        public void ProseCommentsAndCommentedBlocksAreNotElements()
        {
            var config = Load("<a>\n  <!-- HostName is the public name -->\n  <!--\n  <HostName>a</HostName>\n  <Other/>\n  -->\n  <!--HostNameX>y</HostNameX-->\n</a>");
            Assert.Null(config.FindCommentedElement(config.Root, "HostName"));
        }

        [Fact]
        public void CommentOutWritesTheShippedFormAndComesBack()
        {
            const string text = "<c>\n    <HttpAdminServices>*</HttpAdminServices>\n</c>";
            var config = Load(text);
            config.CommentOut(config.SelectSingle("HttpAdminServices"));
            Assert.Equal("<c>\n    <!--HttpAdminServices>*</HttpAdminServices-->\n</c>", config.Text.Text);
            Assert.Null(config.SelectSingle("HttpAdminServices"));
            var back = config.Uncomment(config.FindCommentedElement(config.Root, "HttpAdminServices"), "HttpAdminServices");
            Assert.Equal("*", back.Value);
            Assert.Equal(text, config.Text.Text);
        }

        [Fact]
        public void AnElementHoldingTwoDashesIsNotCommentedOut()
        {
            var config = Load("<c><X>a--b</X></c>");
            Assert.Throws<InvalidOperationException>(() => config.CommentOut(config.SelectSingle("X")));
            Assert.Equal("<c><X>a--b</X></c>", config.Text.Text);
        }

        [Fact]
        public void InsertAfterKeepsATrailingCommentOnItsLine()
        {
            var config = Load("<r>\n\t<A>1</A> <!-- note -->\n\t<B/>\n</r>");
            config.InsertAfter(config.SelectSingle("A"), "<N>2</N>");
            Assert.Equal("<r>\n\t<A>1</A> <!-- note -->\n\t<N>2</N>\n\t<B/>\n</r>", config.Text.Text);
        }

        [Fact]
        public void InsertAfterTheLastLineWithoutABreak()
        {
            var config = Load("<r><A/></r>");
            config.InsertAfter(config.SelectSingle("A"), "<N/>");
            Assert.Equal("<r><A/>\n<N/></r>", config.Text.Text);
            Assert.NotNull(config.SelectSingle("N"));
        }

        [CorpusTheory]
        [MemberData(nameof(CorpusData.Homes), MemberType = typeof(CorpusData))]
        public void UncommentingTheHostNameOfEveryCorpusCarbonXmlChangesOneLine(string home)
        {
            var path = TestPaths.CorpusPath(Path.Combine(home, CarbonPaths.CarbonXml));
            var before = File.ReadAllBytes(path);
            var config = new XmlConfig(TextDocument.FromBytes(path, before));
            var element = config.Uncomment(config.FindCommentedElement(config.Root, "HostName"), "HostName");
            config.SetElementText(element, "carbon.example.com");
            var diff = LineDiff.Compare(before, config.Text.ToBytes());
            Assert.Equal("    <!--HostName>www.wso2.org</HostName-->", Assert.Single(diff.Removed).TrimEnd('\r'));
            Assert.Equal("    <HostName>carbon.example.com</HostName>", Assert.Single(diff.Added).TrimEnd('\r'));
        }
    }
}
