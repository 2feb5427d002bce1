using System.IO;
using System.Linq;
using System.Text;
using CarbonOps.Editing;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Editing
{
    public class TextDocumentTests
    {
        [CorpusTheory]
        [MemberData(nameof(CorpusData.TextFiles), MemberType = typeof(CorpusData))]
        public void EveryCorpusFileRoundTripsByteForByte(string relative)
        {
            var path = TestPaths.CorpusPath(relative);
            var bytes = File.ReadAllBytes(path);
            var doc = TextDocument.Load(path);
            doc.Replace(0, 0, "x");
            doc.Replace(0, 1, "");
            Assert.Equal(bytes, doc.ToBytes());
        }

        [Fact]
        public void DeclaredIso88591IsKeptForNonAsciiBytes()
        {
            var bytes = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<a>caf\u00e9</a>\n<b>1</b>\n");
            var doc = TextDocument.FromBytes("x.xml", bytes);
            Assert.Equal(28591, doc.Encoding.CodePage);
            var at = doc.Text.IndexOf("1</b>");
            doc.Replace(at, 1, "2");
            var diff = LineDiff.Compare(bytes, doc.ToBytes());
            Assert.Equal(new[] { "<b>1</b>" }, diff.Removed);
            Assert.Equal(new[] { "<b>2</b>" }, diff.Added);
            Assert.Contains((byte)0xE9, doc.ToBytes());
        }

        [Fact]
        public void Utf8BomIsKeptAndNotPartOfTheText()
        {
            var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("k=v\u00fc\n")).ToArray();
            var doc = TextDocument.FromBytes("x.properties", bytes);
            Assert.Equal("k=v\u00fc\n", doc.Text);
            doc.Replace(2, 2, "w");
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("k=w\n")), doc.ToBytes());
        }

        [Fact]
        public void InvalidUtf8WithoutDeclarationFallsBackToLatin1AndRoundTrips()
        {
            var bytes = new byte[] { (byte)'a', 0xFF, 0xFE, (byte)'\n', 0xC3 };
            var doc = TextDocument.FromBytes("x", bytes);
            Assert.Equal(28591, doc.Encoding.CodePage);
            Assert.Equal(bytes, doc.ToBytes());
        }

        [Fact]
        public void SingleQuotedDeclarationIsRead()
        {
            var bytes = Encoding.Latin1.GetBytes("<?xml version='1.0' encoding='iso-8859-1'?>\r\n<a>\u00e9</a>\r\n");
            var doc = TextDocument.FromBytes("x.xml", bytes);
            Assert.Equal(28591, doc.Encoding.CodePage);
            Assert.Equal("\r\n", doc.NewLine);
        }

        [Theory]
        [InlineData("a\nb\nc\n", "\n")]
        [InlineData("a\r\nb\r\nc\r\n", "\r\n")]
        [InlineData("a\r\nb\nc\r\nd\r\n", "\r\n")]
        [InlineData("abc", "\n")]
        public void NewLineIsTheOneMostUsed(string text, string expected)
        {
            Assert.Equal(expected, TextDocument.FromBytes("x", Encoding.ASCII.GetBytes(text)).NewLine);
        }

        [Fact]
        public void LineNumbersCountCrLfLfAndLoneCrLikeXml()
        {
            var doc = TextDocument.FromBytes("x", Encoding.ASCII.GetBytes("a\r\nb\nc\rd"));
            Assert.Equal(1, doc.GetLineNumber(0));
            Assert.Equal(2, doc.GetLineNumber(3));
            Assert.Equal(3, doc.GetLineNumber(5));
            Assert.Equal(4, doc.GetLineNumber(7));
            Assert.Equal(7, doc.GetOffset(4, 1));
        }

        [Fact]
        public void ACharacterTheEncodingCannotHoldIsRefused()
        {
            var doc = TextDocument.FromBytes("x.xml", Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>"));
            doc.Replace(doc.Text.Length, 0, "\u20ac");
            var ex = Assert.Throws<CarbonOpsException>(() => doc.ToBytes());
            Assert.Equal(ErrorIds.ParameterValueInvalid, ex.ErrorId);
        }

        [Fact]
        public void AnUnchangedDocumentReturnsTheOriginalBytes()
        {
            var bytes = Encoding.ASCII.GetBytes("x=1\n");
            var doc = TextDocument.FromBytes("x", bytes);
            doc.Replace(0, 1, "y");
            doc.Revert();
            Assert.False(doc.IsChanged);
            Assert.Same(bytes, doc.ToBytes());
        }
    }
}
