using System.Collections.Generic;
using CarbonOps.Editing;
using CarbonOps.Installation;

namespace CarbonOps.Changes
{
    /// <summary>
    /// What a remedy plans a change with: the home, the run's edit session, the values given, and the
    /// settings it touched. Text edits go into the session's documents; whole files are planned with
    /// <see cref="WriteFile"/>; nothing reaches the disk until the pipeline commits the home.
    /// </summary>
    public sealed class RemediationContext
    {
        private readonly List<PlannedChange> changes = new List<PlannedChange>();
        private readonly List<string> warnings = new List<string>();

        public RemediationContext(CarbonHome home, EditSession session, RemediationOptions options)
        {
            Home = home;
            Session = session;
            Options = options ?? new RemediationOptions();
        }

        public CarbonHome Home { get; }
        public EditSession Session { get; }
        public RemediationOptions Options { get; }
        public IReadOnlyList<PlannedChange> Changes => changes;
        /// <summary>Things the person should know that are not failures (a driver jar to add...).</summary>
        public IReadOnlyList<string> Warnings => warnings;

        /// <summary>Plans a file of the home that does not exist yet: <see cref="WriteFile"/> by its path under the home.</summary>
        public void CreateFile(string relative, byte[] bytes, uint unixMode) => WriteFile(Home.FilePath(relative), bytes, unixMode);

        /// <summary>Records a setting the remedy enforces; old == new means it was already compliant.</summary>
        public void Record(string path, string setting, string oldValue, string newValue, bool secret = false) =>
            changes.Add(new PlannedChange(path, setting, secret ? Mask(oldValue) : oldValue, secret ? Mask(newValue) : newValue, oldValue == newValue));

        public void Record(PlannedChange change) => changes.Add(change);

        public void Record(string path, IEnumerable<PlannedChange> planned)
        {
            foreach (var change in planned)
            {
                changes.Add(change.AtPath(path));
            }
        }

        public void Warn(string warning) => warnings.Add(warning);

        /// <summary>Plans a whole file (a keystore, a password file, a wrapper script), written in the same commit as the text edits.</summary>
        public void WriteFile(string path, byte[] bytes, uint unixMode) => Session.PlanNewFile(path, bytes, unixMode);

        /// <summary>Opens a file of the home for editing, through the session.</summary>
        public XmlConfig Xml(string relative) => Session.OpenXml(Home.FilePath(relative));

        public PropertiesConfig Properties(string relative) => Session.OpenProperties(Home.FilePath(relative));

        private static string Mask(string value) => value == null ? null : "********";
    }

    /// <summary>
    /// The values remedies take. Each area declares its own in its folder (a partial part of this class, every property
    /// marked [RemedyInput]); Invoke-CarbonHardening's parameters, the dedicated cmdlets' and the DSC schema are made
    /// from those declarations at build time.
    /// </summary>
    public sealed partial class RemediationOptions
    {
    }

    /// <summary>Thrown by a remedy that needs a value the caller did not give; the change is Skipped naming the parameter.</summary>
    public sealed class RemediationValueMissingException : System.Exception
    {
        public RemediationValueMissingException(string parameterName)
            : base($"This remedy needs -{parameterName}; run again with it.")
        {
            ParameterName = parameterName;
        }

        public string ParameterName { get; }
    }
}
