using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace CarbonOps.Installation
{
    /// <summary>A run of whole lines of a file, as bytes, and where it starts in the file.</summary>
    public sealed class LineChunk
    {
        internal LineChunk(byte[] bytes, long offset)
        {
            Bytes = bytes;
            Offset = offset;
        }

        public byte[] Bytes { get; }
        public long Offset { get; }

        /// <summary>The lines, decoded as UTF-8, without their line breaks.</summary>
        public IEnumerable<string> Lines()
        {
            var start = 0;
            while (start < Bytes.Length)
            {
                var end = Array.IndexOf(Bytes, (byte)'\n', start);
                var stop = end < 0 ? Bytes.Length : end;
                yield return LogBlocks.Decode(Bytes, start, stop - start);
                start = stop + 1;
            }
        }
    }

    /// <summary>Reading a log file by blocks of whole lines, from the end backwards or from an offset forwards.</summary>
    public static class LogBlocks
    {
        public const int BlockSize = 64 * 1024;

        private static readonly Encoding Utf8 = new UTF8Encoding(false, false);

        public static FileStream Open(string path) =>
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.None);

        /// <summary>A line's text: UTF-8 without its trailing CR.</summary>
        public static string Decode(byte[] bytes, int start, int length)
        {
            if (length > 0 && bytes[start + length - 1] == '\r')
            {
                length--;
            }
            return Utf8.GetString(bytes, start, length);
        }

        /// <summary>
        /// Chunks of whole lines from the end of the file to its start (each chunk's lines in file order).
        /// Stops once <paramref name="budget"/> bytes have been read; <paramref name="exhausted"/> then says so.
        /// </summary>
        public static IEnumerable<LineChunk> Backward(FileStream stream, long budget, Action exhausted = null)
        {
            var position = stream.Length;
            var carry = new byte[0];
            long read = 0;
            while (position > 0)
            {
                if (read >= budget)
                {
                    exhausted?.Invoke();
                    yield break;
                }
                var size = (int)Math.Min(BlockSize, position);
                position -= size;
                var combined = new byte[size + carry.Length];
                stream.Position = position;
                ReadExactly(stream, combined, size);
                Buffer.BlockCopy(carry, 0, combined, size, carry.Length);
                read += size;
                if (position == 0)
                {
                    yield return new LineChunk(combined, 0);
                    yield break;
                }
                // Bytes up to the first line break end a line that began in an earlier block.
                var firstBreak = Array.IndexOf(combined, (byte)'\n');
                if (firstBreak < 0 || firstBreak == combined.Length - 1)
                {
                    carry = combined;
                    continue;
                }
                carry = new byte[firstBreak + 1];
                Buffer.BlockCopy(combined, 0, carry, 0, carry.Length);
                var whole = new byte[combined.Length - carry.Length];
                Buffer.BlockCopy(combined, carry.Length, whole, 0, whole.Length);
                yield return new LineChunk(whole, position + carry.Length);
            }
        }

        /// <summary>Chunks of whole lines from the first line that starts at or after <paramref name="offset"/>.</summary>
        public static IEnumerable<LineChunk> Forward(FileStream stream, long offset, long budget, Action exhausted = null)
        {
            var length = stream.Length;
            var position = offset;
            if (offset > 0)
            {
                position = NextLineStart(stream, offset, length);
            }
            long read = 0;
            while (position < length)
            {
                if (read >= budget)
                {
                    exhausted?.Invoke();
                    yield break;
                }
                var size = (int)Math.Min(BlockSize, length - position);
                var block = new byte[size];
                stream.Position = position;
                ReadExactly(stream, block, size);
                read += size;
                var lastBreak = Array.LastIndexOf(block, (byte)'\n');
                var whole = position + size == length || lastBreak < 0 ? size : lastBreak + 1;
                if (whole < size)
                {
                    Array.Resize(ref block, whole);
                }
                yield return new LineChunk(block, position);
                position += whole;
            }
        }

        private static long NextLineStart(FileStream stream, long offset, long length)
        {
            // The byte before offset tells whether offset already starts a line.
            var position = offset - 1;
            var buffer = new byte[4096];
            while (position < length)
            {
                stream.Position = position;
                var n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, length - position));
                if (n <= 0)
                {
                    break;
                }
                var index = Array.IndexOf(buffer, (byte)'\n', 0, n);
                if (index >= 0)
                {
                    return position + index + 1;
                }
                position += n;
            }
            return length;
        }

        private static void ReadExactly(Stream stream, byte[] buffer, int count)
        {
            var done = 0;
            while (done < count)
            {
                var n = stream.Read(buffer, done, count - done);
                if (n <= 0)
                {
                    throw new IOException("The file became shorter while it was read.");
                }
                done += n;
            }
        }
    }
}
