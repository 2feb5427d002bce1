using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace CarbonOps.Editing
{
    /// <summary>
    /// A text file held as its original bytes plus the decoded text. Edits are splices on the text;
    /// <see cref="ToBytes"/> encodes the text back with the same encoding and BOM, so every byte
    /// outside a splice stays as it was. Encodings are chosen so that decode + encode of the
    /// original gives the original bytes back; where no text encoding does, ISO-8859-1 is used,
    /// which maps every byte to one character.
    /// </summary>
    public sealed class TextDocument
    {
        private static readonly Regex XmlDeclarationEncoding =
            new Regex(@"\A<\?xml[^>]*?\sencoding\s*=\s*[""']([A-Za-z0-9._:-]+)[""']", RegexOptions.CultureInvariant);

        private string originalText;
        private int[] lineStarts;

        private TextDocument(string path, byte[] bytes, byte[] preamble, Encoding encoding, string text)
        {
            Path = path;
            OriginalBytes = bytes;
            Preamble = preamble;
            Encoding = encoding;
            Text = text;
            originalText = text;
            NewLine = DetectNewLine(text);
        }

        public string Path { get; }
        public byte[] OriginalBytes { get; private set; }
        public byte[] Preamble { get; }
        public Encoding Encoding { get; }
        public string Text { get; private set; }

        /// <summary>The line ending most used in the file ("\n" where it has none), for inserted lines.</summary>
        public string NewLine { get; }

        /// <summary>Counts every splice; parsed views compare it to know when to parse again.</summary>
        public int Version { get; private set; }

        public bool IsChanged => !string.Equals(Text, originalText, StringComparison.Ordinal);

        public static TextDocument Load(string path)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (FileNotFoundException ex)
            {
                throw new CarbonOpsException(ErrorIds.ConfigFileNotFound, $"The file '{path}' does not exist.", path, 0, ex);
            }
            catch (DirectoryNotFoundException ex)
            {
                throw new CarbonOpsException(ErrorIds.ConfigFileNotFound, $"The file '{path}' does not exist.", path, 0, ex);
            }
            return FromBytes(path, bytes);
        }

        public static TextDocument FromBytes(string path, byte[] bytes)
        {
            var preamble = DetectPreamble(bytes);
            var body = new ArraySegment<byte>(bytes, preamble.Length, bytes.Length - preamble.Length);
            foreach (var encoding in CandidateEncodings(bytes, preamble))
            {
                if (TryRoundTrip(encoding, body, out var text))
                {
                    return new TextDocument(path, bytes, preamble, encoding, text);
                }
            }
            var latin1 = Strict(28591);
            return new TextDocument(path, bytes, preamble, latin1, latin1.GetString(body.Array, body.Offset, body.Count));
        }

        /// <summary>Replaces <paramref name="length"/> characters at <paramref name="start"/>.</summary>
        public void Replace(int start, int length, string replacement)
        {
            if (start < 0 || length < 0 || start + length > Text.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(start));
            }
            Text = Text.Substring(0, start) + replacement + Text.Substring(start + length);
            lineStarts = null;
            Version++;
        }

        public void Insert(int offset, string text) => Replace(offset, 0, text);

        /// <summary>Sets the whole text back to what it was at load (or at the last <see cref="AcceptCurrent"/>).</summary>
        public void Revert()
        {
            if (IsChanged)
            {
                Text = originalText;
                lineStarts = null;
                Version++;
            }
        }

        /// <summary>Makes the current text the new baseline, after it was written to disk.</summary>
        internal void AcceptCurrent(byte[] writtenBytes)
        {
            originalText = Text;
            OriginalBytes = writtenBytes;
        }

        public byte[] ToBytes()
        {
            if (!IsChanged)
            {
                return OriginalBytes;
            }
            byte[] body;
            try
            {
                body = Encoding.GetBytes(Text);
            }
            catch (EncoderFallbackException ex)
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid,
                    $"The new text holds a character that the file's encoding ({Encoding.WebName}) cannot store: '{Path}'.", Path, 0, ex);
            }
            var result = new byte[Preamble.Length + body.Length];
            Buffer.BlockCopy(Preamble, 0, result, 0, Preamble.Length);
            Buffer.BlockCopy(body, 0, result, Preamble.Length, body.Length);
            return result;
        }

        /// <summary>1-based line of a character offset; CRLF, LF and a lone CR each end a line, as in XML.</summary>
        public int GetLineNumber(int offset)
        {
            var starts = LineStarts();
            var index = Array.BinarySearch(starts, offset);
            return index >= 0 ? index + 1 : ~index;
        }

        /// <summary>Character offset of a 1-based line and column, as XmlReader reports them.</summary>
        public int GetOffset(int line, int column)
        {
            var starts = LineStarts();
            if (line < 1 || line > starts.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(line));
            }
            return starts[line - 1] + column - 1;
        }

        public int GetLineStart(int offset) => LineStarts()[GetLineNumber(offset) - 1];

        /// <summary>Offset just past the line's end, including its line break.</summary>
        public int GetLineEndIncludingBreak(int offset)
        {
            var starts = LineStarts();
            var line = GetLineNumber(offset);
            return line < starts.Length ? starts[line] : Text.Length;
        }

        /// <summary>The spaces and tabs at the start of the line that holds <paramref name="offset"/>.</summary>
        public string GetIndentation(int offset)
        {
            var start = GetLineStart(offset);
            var end = start;
            while (end < Text.Length && (Text[end] == ' ' || Text[end] == '\t'))
            {
                end++;
            }
            return Text.Substring(start, end - start);
        }

        private int[] LineStarts()
        {
            if (lineStarts != null)
            {
                return lineStarts;
            }
            var starts = new List<int> { 0 };
            var text = Text;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\r')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }
                    starts.Add(i + 1);
                }
                else if (text[i] == '\n')
                {
                    starts.Add(i + 1);
                }
            }
            lineStarts = starts.ToArray();
            return lineStarts;
        }

        private static string DetectNewLine(string text)
        {
            int crlf = 0, lf = 0, cr = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\r')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        crlf++;
                        i++;
                    }
                    else
                    {
                        cr++;
                    }
                }
                else if (text[i] == '\n')
                {
                    lf++;
                }
            }
            if (crlf > lf && crlf >= cr)
            {
                return "\r\n";
            }
            return cr > lf ? "\r" : "\n";
        }

        private static byte[] DetectPreamble(byte[] bytes)
        {
            if (StartsWith(bytes, 0xEF, 0xBB, 0xBF))
            {
                return new byte[] { 0xEF, 0xBB, 0xBF };
            }
            if (StartsWith(bytes, 0xFF, 0xFE) || StartsWith(bytes, 0xFE, 0xFF))
            {
                return new[] { bytes[0], bytes[1] };
            }
            return new byte[0];
        }

        private static IEnumerable<Encoding> CandidateEncodings(byte[] bytes, byte[] preamble)
        {
            if (preamble.Length == 2)
            {
                yield return preamble[0] == 0xFF ? Strict(1200) : Strict(1201);
                yield break;
            }
            var declared = DeclaredEncoding(bytes, preamble.Length);
            if (declared != null)
            {
                yield return declared;
            }
            yield return Strict(65001);
        }

        private static Encoding DeclaredEncoding(byte[] bytes, int offset)
        {
            var head = Encoding.ASCII.GetString(bytes, offset, Math.Min(200, bytes.Length - offset));
            var match = XmlDeclarationEncoding.Match(head);
            if (!match.Success)
            {
                return null;
            }
            try
            {
                var found = Encoding.GetEncoding(match.Groups[1].Value);
                return Strict(found.CodePage);
            }
            catch (ArgumentException)
            {
                return null;
            }
            catch (NotSupportedException)
            {
                return null;
            }
        }

        private static bool TryRoundTrip(Encoding encoding, ArraySegment<byte> body, out string text)
        {
            text = null;
            try
            {
                text = encoding.GetString(body.Array, body.Offset, body.Count);
                if (encoding is UTF8Encoding && encoding.DecoderFallback is DecoderExceptionFallback)
                {
                    // Strict UTF-8 decodes only well-formed bytes, and those are the one encoding of their text.
                    return true;
                }
                var again = encoding.GetBytes(text);
                if (again.Length != body.Count)
                {
                    return false;
                }
                for (var i = 0; i < again.Length; i++)
                {
                    if (again[i] != body.Array[body.Offset + i])
                    {
                        return false;
                    }
                }
                return true;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
            catch (EncoderFallbackException)
            {
                return false;
            }
        }

        private static Encoding Strict(int codePage) =>
            codePage == 65001
                ? new UTF8Encoding(false, true)
                : Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

        private static bool StartsWith(byte[] bytes, params byte[] prefix)
        {
            if (bytes.Length < prefix.Length)
            {
                return false;
            }
            for (var i = 0; i < prefix.Length; i++)
            {
                if (bytes[i] != prefix[i])
                {
                    return false;
                }
            }
            return true;
        }
    }
}
