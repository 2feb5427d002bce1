using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace CarbonOps.Tests.Support
{
    /// <summary>Decodes an 8-bit RGB or RGBA PNG (what chromium writes) into pixels, so tests can look at a screenshot.</summary>
    public sealed class Png
    {
        private Png(int width, int height, byte[] rgba)
        {
            Width = width;
            Height = height;
            Rgba = rgba;
        }

        public int Width { get; }
        public int Height { get; }
        public byte[] Rgba { get; }

        public static Png Load(string path)
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < 8 || bytes[0] != 0x89 || bytes[1] != (byte)'P' || bytes[2] != (byte)'N' || bytes[3] != (byte)'G')
            {
                throw new InvalidDataException($"{path} is not a PNG file.");
            }
            int width = 0, height = 0, channels = 0;
            using var idat = new MemoryStream();
            for (var pos = 8; pos + 8 <= bytes.Length;)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(pos));
                var type = System.Text.Encoding.ASCII.GetString(bytes, pos + 4, 4);
                var data = bytes.AsSpan(pos + 8, length);
                if (type == "IHDR")
                {
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data.Slice(4));
                    if (data[8] != 8 || (data[9] != 2 && data[9] != 6) || data[12] != 0)
                    {
                        throw new InvalidDataException("Only 8-bit, non-interlaced RGB or RGBA PNG is decoded here.");
                    }
                    channels = data[9] == 6 ? 4 : 3;
                }
                else if (type == "IDAT")
                {
                    idat.Write(data);
                }
                pos += 12 + length;
            }
            idat.Position = 0;
            using var inflated = new MemoryStream();
            using (var z = new ZLibStream(idat, CompressionMode.Decompress))
            {
                z.CopyTo(inflated);
            }
            return new Png(width, height, Unfilter(inflated.ToArray(), width, height, channels));
        }

        /// <summary>How many pixels are within <paramref name="tolerance"/> of the colour, in rows [top, bottom).</summary>
        public int Count(int r, int g, int b, int tolerance = 12, int top = 0, int bottom = int.MaxValue)
        {
            var count = 0;
            for (var y = Math.Max(0, top); y < Math.Min(Height, bottom); y++)
            {
                for (var x = 0; x < Width; x++)
                {
                    var i = (y * Width + x) * 4;
                    if (Math.Abs(Rgba[i] - r) <= tolerance && Math.Abs(Rgba[i + 1] - g) <= tolerance && Math.Abs(Rgba[i + 2] - b) <= tolerance)
                    {
                        count++;
                    }
                }
            }
            return count;
        }

        private static byte[] Unfilter(byte[] data, int width, int height, int channels)
        {
            var stride = width * channels;
            var previous = new byte[stride];
            var current = new byte[stride];
            var rgba = new byte[width * height * 4];
            for (var y = 0; y < height; y++)
            {
                var offset = y * (stride + 1);
                var filter = data[offset];
                for (var x = 0; x < stride; x++)
                {
                    int raw = data[offset + 1 + x];
                    int left = x >= channels ? current[x - channels] : 0;
                    int up = previous[x];
                    int upLeft = x >= channels ? previous[x - channels] : 0;
                    current[x] = (byte)(filter switch
                    {
                        0 => raw,
                        1 => raw + left,
                        2 => raw + up,
                        3 => raw + ((left + up) >> 1),
                        4 => raw + Paeth(left, up, upLeft),
                        _ => throw new InvalidDataException($"Unknown PNG filter {filter}."),
                    });
                }
                for (var x = 0; x < width; x++)
                {
                    var o = (y * width + x) * 4;
                    rgba[o] = current[x * channels];
                    rgba[o + 1] = current[x * channels + 1];
                    rgba[o + 2] = current[x * channels + 2];
                    rgba[o + 3] = channels == 4 ? current[x * channels + 3] : (byte)255;
                }
                (previous, current) = (current, previous);
            }
            return rgba;
        }

        private static int Paeth(int a, int b, int c)
        {
            var p = a + b - c;
            int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
    }
}
