using System;
using System.IO;
using Xunit;

namespace CarbonOps.Tests.Support
{
    /// <summary>
    /// The npm packages of tests/tools/package.json (the SARIF validator, axe-core, puppeteer-core), which
    /// build.ps1 -Task Test installs into out/tools where npm is on the machine. Tests that use them skip, saying why, where they are absent.
    /// </summary>
    public static class NodeTools
    {
        public static string Modules => Path.Combine(TestPaths.RepoRoot, "out", "tools", "node_modules");

        public static string Node => ExternalTool.Find("node", "node.exe");

        /// <summary>The validator's own launcher (npm links it into node_modules/.bin).</summary>
        public static string SarifMultitool => Path.Combine(Modules, ".bin", OperatingSystem.IsWindows() ? "sarif-multitool.cmd" : "sarif-multitool");

        public static bool Has(string package) => Directory.Exists(Path.Combine(Modules, package));

        public static string Missing(string package) =>
            $"{package} is not in out/tools/node_modules: build.ps1 -Task Test installs it with npm (Debian's npm package; .ci/run installs it), and npm is absent here.";
    }

    /// <summary>A fact that runs Microsoft's SARIF validator (npm @microsoft/sarif-multitool).</summary>
    public sealed class SarifValidatorFactAttribute : FactAttribute
    {
        public SarifValidatorFactAttribute()
        {
            if (!File.Exists(NodeTools.SarifMultitool) || NodeTools.Node == null)
            {
                Skip = NodeTools.Missing("@microsoft/sarif-multitool");
            }
        }
    }

    /// <summary>A fact that runs axe-core in the machine's chromium through puppeteer-core.</summary>
    public sealed class AxeFactAttribute : FactAttribute
    {
        public AxeFactAttribute()
        {
            if (ExternalTool.Chromium == null)
            {
                Skip = "chromium is not installed (Debian's chromium package; .ci/run installs it): axe-core has no browser to run in.";
            }
            else if (NodeTools.Node == null || !NodeTools.Has("axe-core") || !NodeTools.Has("puppeteer-core"))
            {
                Skip = NodeTools.Missing("axe-core and puppeteer-core");
            }
        }
    }
}
