using CarbonOps.Host;
using CarbonOps.Installation;

namespace CarbonOps.Checks
{
    /// <summary>What a check evaluates against: the host, and for product checks one product home.</summary>
    public sealed class CheckContext
    {
        public CheckContext(IHostProbe host, CarbonHome home, CheckOptions options)
        {
            Host = host;
            Home = home;
            Options = options;
        }

        public IHostProbe Host { get; }
        /// <summary>Null for host checks.</summary>
        public CarbonHome Home { get; }
        public CheckOptions Options { get; }
        public string ComputerName => Host.ComputerName;
    }

    /// <summary>The knobs of a Test-CarbonHost call that checks read.</summary>
    public sealed class CheckOptions
    {
        /// <summary>How many Carbon instances share this host (at least 1).</summary>
        public int InstanceCount { get; set; } = 1;

        /// <summary>Every product home under test (full paths), for checks that compare homes.</summary>
        public System.Collections.Generic.IReadOnlyList<string> ProductHomes { get; set; } = new string[0];
    }
}
