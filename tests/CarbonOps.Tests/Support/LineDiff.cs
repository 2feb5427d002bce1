using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CarbonOps.Tests.Support
{
    /// <summary>
    /// A line diff (longest common subsequence) of two versions of a file, on raw bytes split at LF,
    /// so a line's CR stays part of it and a changed line ending shows as a changed line.
    /// </summary>
    public static class LineDiff
    {
        public sealed class Result
        {
            public List<string> Removed = new List<string>();
            public List<string> Added = new List<string>();
        }

        public static Result Compare(byte[] before, byte[] after)
        {
            var a = Split(before);
            var b = Split(after);
            var lcs = new int[a.Length + 1, b.Length + 1];
            for (var i = a.Length - 1; i >= 0; i--)
            {
                for (var j = b.Length - 1; j >= 0; j--)
                {
                    lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : System.Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
                }
            }
            var result = new Result();
            int x = 0, y = 0;
            while (x < a.Length || y < b.Length)
            {
                if (x < a.Length && y < b.Length && a[x] == b[y])
                {
                    x++;
                    y++;
                }
                else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
                {
                    result.Added.Add(b[y++]);
                }
                else
                {
                    result.Removed.Add(a[x++]);
                }
            }
            return result;
        }

        private static string[] Split(byte[] bytes) => Encoding.Latin1.GetString(bytes).Split('\n');
    }
}
