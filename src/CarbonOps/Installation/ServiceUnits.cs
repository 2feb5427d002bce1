using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CarbonOps.Host;

namespace CarbonOps.Installation
{
    public sealed class ServiceUnitRequest
    {
        public string User { get; set; }
        public string Group { get; set; }
        public string JavaHome { get; set; }
        /// <summary>The unit file, or a folder to write it into; /etc/systemd/system when null.</summary>
        public string Path { get; set; }
        public int? LimitNoFile { get; set; }
        /// <summary>Start the node as a worker of a worker/manager cluster (-DworkerNode=true through JAVA_OPTS).</summary>
        public bool WorkerNode { get; set; }
    }

    /// <summary>A systemd unit for a product home, ready to be written.</summary>
    public sealed class ServiceUnitPlan
    {
        internal ServiceUnitPlan(string name, string path, PosixAccounts.Account user, PosixAccounts.Account group, string content, IReadOnlyList<string> warnings)
        {
            Name = name;
            Path = path;
            User = user;
            Group = group;
            Content = content;
            Warnings = warnings;
        }

        public string Name { get; }
        public string Path { get; }
        public PosixAccounts.Account User { get; }
        public PosixAccounts.Account Group { get; }
        public string Content { get; }
        public IReadOnlyList<string> Warnings { get; }
    }

    /// <summary>
    /// systemd units that run a home as an unprivileged user through its launcher: Type=forking, the
    /// JVM's pid file as PIDFile, and the open-files limit of the home's config-validation.xml or higher.
    /// </summary>
    public static class ServiceUnits
    {
        /// <summary>A unit runs the server as its own user, which is what Security.RunAsRoot asks for.</summary>
        public const string CheckId = CheckIds.SecurityRunAsRoot;
        public const string DefaultFolder = "/etc/systemd/system";
        public const int DefaultOpenFiles = 4096;

        private static readonly Regex UnsafeNameChars = new Regex(@"[^A-Za-z0-9:_.\-]", RegexOptions.CultureInvariant);

        public static ServiceUnitPlan Plan(CarbonHome home, string productName, ServiceUnitRequest request)
        {
            var user = PosixAccounts.FindUser(request.User ?? "") ?? throw new CarbonOpsException(ErrorIds.UserNotFound,
                $"There is no user '{request.User}' in {PosixAccounts.PasswdPath}. Create it first, for example: " +
                $"useradd --system --user-group --home-dir '{home.Path}' --shell /usr/sbin/nologin {request.User}", request.User);
            if (user.Id == 0)
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid,
                    $"'{user.Name}' is root; the unit exists to run Carbon as an unprivileged user. Give a dedicated user.", user.Name);
            }
            var group = string.IsNullOrEmpty(request.Group)
                ? PosixAccounts.Groups().FirstOrDefault(g => g.Id == user.GroupId) ?? throw new CarbonOpsException(ErrorIds.GroupNotFound,
                    $"The primary group ({user.GroupId}) of '{user.Name}' is not in {PosixAccounts.GroupPath}; give -Group.", user.Name)
                : PosixAccounts.FindGroup(request.Group) ?? throw new CarbonOpsException(ErrorIds.GroupNotFound,
                    $"There is no group '{request.Group}' in {PosixAccounts.GroupPath}. Create it first (groupadd --system {request.Group}).", request.Group);

            var warnings = new List<string>();
            var floor = OpenFilesFloor(home);
            var limit = request.LimitNoFile ?? floor;
            if (limit < floor)
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid,
                    $"-LimitNOFILE {limit} is below the {floor} open files that {CarbonPaths.ConfigValidationXml} asks for.", home.Path);
            }
            var javaHome = string.IsNullOrEmpty(request.JavaHome) ? Environment.GetEnvironmentVariable("JAVA_HOME") : request.JavaHome;
            if (string.IsNullOrEmpty(javaHome))
            {
                warnings.Add("The unit sets no JAVA_HOME (none was given and this session has none), and wso2server.sh refuses to start without one: give -JavaHome.");
            }
            else if (!File.Exists(System.IO.Path.Combine(javaHome, "bin", "java")))
            {
                warnings.Add($"'{javaHome}' holds no bin/java; the unit's JAVA_HOME will not start the server.");
            }
            if (!home.Exists(CarbonPaths.StartupScriptSh))
            {
                warnings.Add($"'{home.Path}' has no {CarbonPaths.StartupScriptSh}, which the unit runs.");
            }
            if (request.WorkerNode && !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("JAVA_OPTS")))
            {
                warnings.Add("The unit sets JAVA_OPTS to -DworkerNode=true; the JAVA_OPTS of this session are not carried into it.");
            }

            var name = UnsafeNameChars.Replace(System.IO.Path.GetFileName(home.Path), "-").Trim('-');
            name = (name.Length == 0 ? "wso2carbon" : name) + ".service";
            var path = request.Path ?? DefaultFolder;
            if (Directory.Exists(path))
            {
                path = System.IO.Path.Combine(path, name);
            }
            else if (!path.EndsWith(".service", StringComparison.Ordinal))
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, $"'{path}' is neither a folder nor a file name ending in .service.", path);
            }
            else
            {
                name = System.IO.Path.GetFileName(path);
            }
            return new ServiceUnitPlan(name, path, user, group, Content(home, productName, user.Name, group.Name, javaHome, limit, request.WorkerNode), warnings);
        }

        public static byte[] Bytes(ServiceUnitPlan plan) => new UTF8Encoding(false).GetBytes(plan.Content);

        /// <summary>The ulimit of config-validation.xml's SystemValidator, or 4096 (Carbon's own default) where it has none.</summary>
        public static int OpenFilesFloor(CarbonHome home)
        {
            if (!home.Exists(CarbonPaths.ConfigValidationXml))
            {
                return DefaultOpenFiles;
            }
            var parameter = home.Xml(CarbonPaths.ConfigValidationXml).Select("Validator/Parameter")
                .FirstOrDefault(p => (string)p.Attribute("id") == "ulimit");
            return parameter != null && int.TryParse(parameter.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value : DefaultOpenFiles;
        }

        private static string Content(CarbonHome home, string productName, string user, string group, string javaHome, int limit, bool workerNode)
        {
            // The site wrapper when it exists, as Start-CarbonServer does, so the properties it adds are not bypassed.
            var launcher = home.FilePath(home.Exists(CarbonPaths.SiteWrapperSh) ? CarbonPaths.SiteWrapperSh : CarbonPaths.StartupScriptSh);
            var text = new StringBuilder();
            text.Append("# Runs a WSO2 Carbon product as an unprivileged user. Written by CarbonOps (New-CarbonServiceUnit).\n");
            text.Append("[Unit]\n");
            text.Append("Description=").Append(Escape(productName + " (" + home.Path + ")")).Append('\n');
            text.Append("After=network-online.target\n");
            text.Append("Wants=network-online.target\n\n");
            text.Append("[Service]\n");
            // wso2server.sh start relaunches itself in the background and returns; the JVM writes the pid file.
            text.Append("Type=forking\n");
            text.Append("PIDFile=").Append(Escape(CarbonServerReader.PidFilePath(home.Path))).Append('\n');
            text.Append("User=").Append(user).Append('\n');
            text.Append("Group=").Append(group).Append('\n');
            text.Append("Environment=").Append(Quote("CARBON_HOME=" + home.Path)).Append('\n');
            if (!string.IsNullOrEmpty(javaHome))
            {
                text.Append("Environment=").Append(Quote("JAVA_HOME=" + javaHome)).Append('\n');
            }
            if (workerNode)
            {
                text.Append("Environment=").Append(Quote("JAVA_OPTS=-DworkerNode=true")).Append('\n');
            }
            text.Append("ExecStart=").Append(Quote(launcher)).Append(" start\n");
            text.Append("ExecStop=").Append(Quote(launcher)).Append(" stop\n");
            // The JVM ends with 143 (128 + TERM) when it is stopped.
            text.Append("SuccessExitStatus=143\n");
            text.Append("LimitNOFILE=").Append(limit.ToString(CultureInfo.InvariantCulture)).Append('\n');
            text.Append("Restart=on-failure\n\n");
            text.Append("[Install]\n");
            text.Append("WantedBy=multi-user.target\n");
            return text.ToString();
        }

        /// <summary>A word of a unit setting: quoted when it holds white space, quotes or backslashes; '%' doubled (systemd specifiers).</summary>
        private static string Quote(string word)
        {
            var quoted = word.Any(c => char.IsWhiteSpace(c) || c == '"' || c == '\'' || c == '\\')
                ? "\"" + word.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\""
                : word;
            return Escape(quoted);
        }

        private static string Escape(string value) => value.Replace("%", "%%").Replace("\n", " ");

        /// <summary>Gives the home and everything under it to the user and group; symbolic links are changed, not followed.</summary>
        public static int GiveHome(string productHome, uint userId, uint groupId)
        {
            var count = 0;
            var pending = new Stack<string>();
            PosixOwnership.Change(productHome, userId, groupId);
            count++;
            pending.Push(productHome);
            while (pending.Count > 0)
            {
                foreach (var entry in Directory.EnumerateFileSystemEntries(pending.Pop()))
                {
                    PosixOwnership.Change(entry, userId, groupId);
                    count++;
                    var attributes = File.GetAttributes(entry);
                    if ((attributes & FileAttributes.Directory) != 0 && (attributes & FileAttributes.ReparsePoint) == 0)
                    {
                        pending.Push(entry);
                    }
                }
            }
            return count;
        }
    }
}
