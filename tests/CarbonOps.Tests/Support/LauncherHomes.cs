using System.Collections.Generic;
using System.IO;
using CarbonOps.Installation;

namespace CarbonOps.Tests.Support
{
    /// <summary>Copies of the sample home whose launchers are replaced by fixture scripts.</summary>
    public static class LauncherHomes
    {
        /// <summary>
        /// A copy of the sample home in <paramref name="temp"/>; each entry puts a fixture (a file name
        /// under fixtures/launchers) at a launcher path, or removes the launcher when it is null.
        /// </summary>
        public static string Make(TempFolder temp, IDictionary<string, string> launchers = null, string name = null)
        {
            var home = temp.CopyHome(TestPaths.SampleHome, name ?? "home-" + System.Guid.NewGuid().ToString("N").Substring(0, 6));
            foreach (var pair in launchers ?? new Dictionary<string, string>())
            {
                var target = Path.Combine(home, pair.Key);
                if (pair.Value == null)
                {
                    File.Delete(target);
                }
                else
                {
                    File.Copy(TestPaths.Fixture("launchers/" + pair.Value), target, true);
                }
            }
            return home;
        }

        public static Dictionary<string, string> Only(string launcher, string fixture)
        {
            var map = new Dictionary<string, string>
            {
                [CarbonPaths.StartupScriptSh] = null,
                [CarbonPaths.StartupScriptBat] = null,
                [CarbonPaths.WrapperConf] = null,
            };
            map[launcher] = fixture;
            return map;
        }
    }
}
