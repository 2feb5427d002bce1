using System;
using System.IO;

namespace CarbonOps.Benchmarks
{
    /// <summary>Copies of the sample home in a temporary folder, made once per benchmark class.</summary>
    public sealed class Homes : IDisposable
    {
        public Homes(int count)
        {
            Root = Path.Combine(Path.GetTempPath(), "carbonops-bench-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Paths = new string[count];
            for (var i = 0; i < count; i++)
            {
                Paths[i] = Path.Combine(Root, $"wso2esb-4.8.1-{i:D3}");
                Copy(SampleHome, Paths[i]);
            }
        }

        public string Root { get; }
        public string[] Paths { get; }

        public static string SampleHome
        {
            get
            {
                var dir = new DirectoryInfo(AppContext.BaseDirectory);
                while (dir != null && !File.Exists(Path.Combine(dir.FullName, "CarbonOps.sln")))
                {
                    dir = dir.Parent;
                }
                return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("CarbonOps.sln not found above " + AppContext.BaseDirectory), "samples", "wso2esb-4.8.1");
            }
        }

        internal static void Copy(string source, string target)
        {
            foreach (var dir in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
            {
                Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(source, dir)));
            }
            Directory.CreateDirectory(target);
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                File.Copy(file, Path.Combine(target, Path.GetRelativePath(source, file)));
            }
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
