using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using CarbonOps.Checks;
using CarbonOps.Editing;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.Reliability
{
    /// <summary>The versions of each file that a clean run passes through, computed once by clean runs in process.</summary>
    internal sealed class CrashReference
    {
        public Dictionary<string, string> Original;
        public Dictionary<string, string> Hardened;
        public Dictionary<string, HashSet<string>> Allowed;

        /// <summary>Relative path → SHA-256 of every file outside the state folder, hidden ones included.</summary>
        public Dictionary<string, string> Versions(string home) => Hashes(home);

        /// <summary>As <see cref="Versions"/>, for a home without a reference.</summary>
        public static Dictionary<string, string> Hashes(string home) =>
            Directory.GetFiles(home, "*", SearchOption.AllDirectories)
                .Select(f => (Full: f, Relative: HomeSnapshot.Relative(home, f)))
                .Where(f => !f.Relative.StartsWith(StateFolder.Name + "/", StringComparison.Ordinal))
                .ToDictionary(f => f.Relative, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f.Full))), StringComparer.Ordinal);

        public static CrashReference Build(TempFolder temp, PowerShellRunner ps)
        {
            var reference = new CrashReference();
            var stepwise = temp.CopyHome(TestPaths.SampleHome, "reference-stepwise");
            reference.Original = reference.Versions(stepwise);
            reference.Allowed = reference.Original.ToDictionary(v => v.Key, v => new HashSet<string> { v.Value }, StringComparer.Ordinal);
            // A run commits check by check, in catalogue order.
            foreach (var check in CheckCatalog.All.Where(c => c.Scope == CheckScope.Product && c.CanRemediate))
            {
                Assert.Empty(ps.Run("param($h, $id) Invoke-CarbonHardening -ProductHome $h -CheckId $id -Confirm:$false", new Hashtable { ["h"] = stepwise, ["id"] = check.Id }).Errors);
                foreach (var (path, sha) in reference.Versions(stepwise))
                {
                    reference.Allowed[path].Add(sha);
                }
            }
            var whole = temp.CopyHome(TestPaths.SampleHome, "reference-whole");
            Assert.Empty(ps.Run("param($h) Invoke-CarbonHardening -ProductHome $h -Confirm:$false", new Hashtable { ["h"] = whole }).Errors);
            reference.Hardened = reference.Versions(whole);
            Assert.Equal(reference.Versions(stepwise), reference.Hardened);
            Assert.NotEqual(reference.Original, reference.Hardened);
            return reference;
        }
    }
}
