using System.IO;
using CarbonOps.Editing;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Editing
{
    public class SafeXmlTests
    {
        [Fact]
        public void BillionLaughsIsNotExpanded()
        {
            const string xml = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><l>&c;</l>";
            var ex = Assert.Throws<CarbonOpsException>(() => SafeXml.Parse(xml, "bomb.xml"));
            Assert.Equal(ErrorIds.ConfigFileMalformed, ex.ErrorId);
        }

        [Fact]
        public void AnExternalEntityIsNotRead()
        {
            using var temp = new TempFolder();
            var secret = temp.Write("secret.txt", "TOPSECRET");
            var xml = $"<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file://{secret}\">]><r>&x;</r>";
            var ex = Assert.Throws<CarbonOpsException>(() => SafeXml.Parse(xml, "xxe.xml"));
            Assert.DoesNotContain("TOPSECRET", ex.Message);
        }

        [Fact]
        public void ADeeplyNestedFileIsRefusedWithItsLineAndADeepEnoughOneReads()
        {
            string Nest(int depth) => "<r>\n" + string.Concat(System.Linq.Enumerable.Repeat("<n>", depth)) + string.Concat(System.Linq.Enumerable.Repeat("</n>", depth)) + "</r>";
            var ex = Assert.Throws<CarbonOpsException>(() => SafeXml.Parse(Nest(50000), "deep.xml"));
            Assert.Equal(ErrorIds.ConfigFileMalformed, ex.ErrorId);
            Assert.Equal(2, ex.Line);
            Assert.Contains("deep.xml", ex.Message);
            Assert.NotNull(SafeXml.Parse(Nest(SafeXml.MaxDepth - 1), "ok.xml").Root);
        }

        [Fact]
        public void ADoctypeWithoutEntitiesStillParses()
        {
            var doc = SafeXml.Parse("<!DOCTYPE web-app PUBLIC \"-//Sun//DTD\" \"http://java.sun.com/dtd/web-app_2_3.dtd\"><web-app/>", "web.xml");
            Assert.Equal("web-app", doc.Root.Name.LocalName);
        }

        [Fact]
        public void MalformedXmlNamesPathAndLine()
        {
            var ex = Assert.Throws<CarbonOpsException>(() => SafeXml.Parse("<a>\n<b>\n</a>", Path.Combine("x", "carbon.xml")));
            Assert.Equal(3, ex.Line);
            Assert.Contains("carbon.xml", ex.Message);
            Assert.Contains("line 3", ex.Message);
        }
    }
}
