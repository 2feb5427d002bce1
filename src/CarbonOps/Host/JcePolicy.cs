using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace CarbonOps.Host
{
    public enum JcePolicyStrength { Unlimited, Limited, Missing, Unreadable }

    /// <summary>
    /// The JCE jurisdiction policy of a JDK 6/7/8: the policy file inside lib/security/local_policy.jar.
    /// The unlimited-strength policy grants javax.crypto.CryptoAllPermission; the stock one limits key sizes.
    /// </summary>
    public sealed class JcePolicy
    {
        private static readonly Regex AllPermission = new Regex(@"^\s*permission\s+javax\.crypto\.CryptoAllPermission\s*;", RegexOptions.Multiline | RegexOptions.CultureInvariant);

        private JcePolicy(JcePolicyStrength strength, string jarPath, string detail)
        {
            Strength = strength;
            JarPath = jarPath;
            Detail = detail;
        }

        public JcePolicyStrength Strength { get; }
        public string JarPath { get; }
        public string Detail { get; }

        public static JcePolicy Read(string javaHome)
        {
            var candidates = new[] { Path.Combine(javaHome, "jre", "lib", "security", "local_policy.jar"), Path.Combine(javaHome, "lib", "security", "local_policy.jar") };
            var jar = candidates.FirstOrDefault(File.Exists);
            if (jar == null)
            {
                return new JcePolicy(JcePolicyStrength.Missing, candidates[0], "no lib/security/local_policy.jar");
            }
            string policy;
            try
            {
                policy = JarFile.ReadEntry(jar, name => name.EndsWith("default_local.policy", StringComparison.Ordinal));
            }
            catch (Exception ex) when (ex is InvalidDataException || ex is IOException || ex is UnauthorizedAccessException)
            {
                return new JcePolicy(JcePolicyStrength.Unreadable, jar, $"'{jar}' cannot be read as a jar: {ex.Message}");
            }
            if (policy == null)
            {
                return new JcePolicy(JcePolicyStrength.Unreadable, jar, $"'{jar}' holds no default_local.policy");
            }
            var uncommented = Regex.Replace(policy, @"//[^\n]*|/\*.*?\*/", "", RegexOptions.Singleline);
            return AllPermission.IsMatch(uncommented)
                ? new JcePolicy(JcePolicyStrength.Unlimited, jar, "unlimited strength (CryptoAllPermission)")
                : new JcePolicy(JcePolicyStrength.Limited, jar, "limited strength (the stock policy)");
        }
    }
}
