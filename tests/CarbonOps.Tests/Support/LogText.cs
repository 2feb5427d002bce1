using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace CarbonOps.Tests.Support
{
    /// <summary>Writes wso2carbon.log text in the CARBON_LOGFILE layout: TID: [%T] [%S] [%d] %P%5p {%c} - %x %m {%c}%n.</summary>
    public sealed class LogText
    {
        public const string Finalizer = "org.wso2.carbon.core.internal.StartupFinalizerServiceComponent";
        private readonly StringBuilder text = new StringBuilder();

        public static string Line(DateTime time, string level, string logger, string message, int tenant = 0) =>
            $"TID: [{tenant}] [] [{time.ToString("yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture)}] {level,5} {{{logger}}} -  {message} {{{logger}}}\n";

        public LogText Add(DateTime time, string level, string logger, string message, params string[] stackTrace)
        {
            text.Append(Line(time, level, logger, message));
            foreach (var line in stackTrace)
            {
                text.Append(line).Append('\n');
            }
            return this;
        }

        public LogText Started(DateTime time, int seconds) => Add(time, "INFO", Finalizer, $"WSO2 Carbon started in {seconds} sec");

        public LogText Raw(string line)
        {
            text.Append(line).Append('\n');
            return this;
        }

        public override string ToString() => text.ToString();

        public string WriteTo(string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path));
            File.WriteAllText(path, text.ToString());
            return path;
        }
    }
}
