using System.Collections.Generic;
using CarbonOps.Editing;
using CarbonOps.Installation;

namespace CarbonOps.Checks
{
    /// <summary>What a remedy works with: the home, the run's edit session, the values given, and a list of settings it touched.</summary>
    public sealed class RemediationContext
    {
        private readonly List<SettingChange> changes = new List<SettingChange>();
        private readonly List<PendingFile> newFiles = new List<PendingFile>();

        public RemediationContext(CarbonHome home, EditSession session, RemediationOptions options)
        {
            Home = home;
            Session = session;
            Options = options;
        }

        public CarbonHome Home { get; }
        public EditSession Session { get; }
        public RemediationOptions Options { get; }
        public IReadOnlyList<SettingChange> Changes => changes;

        /// <summary>Whole files the remedy creates; written after the run's text edits, through the session's new-file path.</summary>
        public IReadOnlyList<PendingFile> NewFiles => newFiles;

        /// <summary>Plans a file that does not exist yet (written only when the change is approved).</summary>
        public void CreateFile(string relative, byte[] bytes, uint unixMode) => newFiles.Add(new PendingFile(Home.FilePath(relative), bytes, unixMode));

        /// <summary>Records a setting the remedy enforces; old == new means it was already compliant.</summary>
        public void Record(string path, string setting, string oldValue, string newValue, bool secret = false) =>
            changes.Add(new SettingChange(path, setting, secret ? Mask(oldValue) : oldValue, secret ? Mask(newValue) : newValue, oldValue == newValue));

        /// <summary>Opens a file of the home for editing, through the session.</summary>
        public XmlConfig Xml(string relative) => Session.OpenXml(Home.FilePath(relative));

        public PropertiesConfig Properties(string relative) => Session.OpenProperties(Home.FilePath(relative));

        private static string Mask(string value) => value == null ? null : "********";
    }

    public sealed class SettingChange
    {
        internal SettingChange(string path, string setting, string oldValue, string newValue, bool alreadyCompliant)
        {
            Path = path;
            Setting = setting;
            OldValue = oldValue;
            NewValue = newValue;
            AlreadyCompliant = alreadyCompliant;
        }

        public string Path { get; }
        public string Setting { get; }
        public string OldValue { get; }
        public string NewValue { get; }
        public bool AlreadyCompliant { get; }
    }

    /// <summary>Values remedies take from Invoke-CarbonHardening's parameters.</summary>
    public sealed class RemediationOptions
    {
        public string LogMaxFileSize { get; set; } = "10MB";
        public int LogMaxBackupIndex { get; set; } = 20;

        /// <summary>The admin user name and password to write into user-mgt.xml before the first start.</summary>
        public System.Net.NetworkCredential AdminCredential { get; set; }
        /// <summary>Regular expressions (or literal IPs) of the addresses allowed to reach the console.</summary>
        public string[] AllowedAddress { get; set; }
        public ConsoleAccessScope ConsoleScope { get; set; } = ConsoleAccessScope.Console;
        public string HostName { get; set; }
        /// <summary>Defaults to <see cref="HostName"/>.</summary>
        public string MgtHostName { get; set; }
        public string WsdlEprPrefix { get; set; }
        /// <summary>Null: every protocol of TLSv1, TLSv1.1 and TLSv1.2 that the JDK speaks.</summary>
        public string[] TlsProtocols { get; set; }
        /// <summary>The JDK the home runs on (Invoke-CarbonHardening defaults it to $env:JAVA_HOME).</summary>
        public string JavaHome { get; set; }
        public string ServerHeader { get; set; } = Product.ServerHeaderCheck.NeutralValue;
        /// <summary>JMX is turned off only when asked.</summary>
        public bool DisableJmx { get; set; }
        public string JvmInitialHeap { get; set; } = Product.JvmHeapCheck.GuideInitialHeap;
        public string JvmMaxHeap { get; set; } = Product.JvmHeapCheck.GuideMaxHeap;
        public string JvmMaxPermSize { get; set; } = Product.JvmHeapCheck.GuideMaxPermSize;
    }

    /// <summary>A remedy that can lock someone out (an address restriction, a protocol change): it asks for confirmation at High impact.</summary>
    public interface IHighImpactRemedy
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
