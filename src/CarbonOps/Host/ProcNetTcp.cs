using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;

namespace CarbonOps.Host
{
    /// <summary>
    /// Listening TCP sockets on Linux: /proc/net/tcp and tcp6 (state 0A), owners from the socket
    /// inodes under /proc/&lt;pid&gt;/fd, users from /proc/&lt;pid&gt;/status (or the socket's uid) and /etc/passwd.
    /// </summary>
    public static class ProcNetTcp
    {
        private const string ListenState = "0A";
        private static readonly byte[] SocketPrefix = Encoding.ASCII.GetBytes("socket:[");

        private sealed class Row
        {
            public string Family;
            public string Address;
            public int Port;
            public int Uid;
            public long Inode;
        }

        public static SocketTable Read(string procRoot = "/proc", string passwdPath = "/etc/passwd", ICollection<int> ports = null)
        {
            var rows = ReadRows(Path.Combine(procRoot, "net", "tcp"), "IPv4").Concat(ReadRows(Path.Combine(procRoot, "net", "tcp6"), "IPv6"))
                .Where(r => ports == null || ports.Contains(r.Port)).ToList();
            var owners = OwnersOf(procRoot, new HashSet<long>(rows.Select(r => r.Inode).Where(i => i != 0)));
            var users = Users(passwdPath);
            var sockets = new List<ListeningSocket>();
            var hidden = 0;
            var processes = new Dictionary<int, ProcessFacts>();
            foreach (var row in rows)
            {
                var pid = owners.TryGetValue(row.Inode, out var p) ? p : 0;
                ProcessFacts facts = null;
                if (pid != 0 && !processes.TryGetValue(pid, out facts))
                {
                    facts = ProcessFacts.Read(procRoot, pid);
                    processes[pid] = facts;
                }
                if (pid == 0)
                {
                    hidden++;
                }
                var uid = facts?.Uid ?? row.Uid;
                sockets.Add(new ListeningSocket(row.Family, row.Address, row.Port, pid, facts?.Name,
                    users.TryGetValue(uid, out var name) ? name : uid.ToString(CultureInfo.InvariantCulture), facts?.CarbonHome));
            }
            return new SocketTable(sockets, hidden == 0, hidden == 0 ? null : SocketTable.HiddenOwnersNote(hidden));
        }

        private static IEnumerable<Row> ReadRows(string path, string family)
        {
            string[] lines;
            try
            {
                lines = File.ReadAllLines(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                yield break;
            }
            foreach (var line in lines.Skip(1))
            {
                var f = line.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
                if (f.Length < 10 || f[3] != ListenState)
                {
                    continue;
                }
                var local = f[1].Split(':');
                if (local.Length != 2 || !int.TryParse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var port))
                {
                    continue;
                }
                int.TryParse(f[7], NumberStyles.Integer, CultureInfo.InvariantCulture, out var uid);
                long.TryParse(f[9], NumberStyles.Integer, CultureInfo.InvariantCulture, out var inode);
                yield return new Row { Family = family, Address = DecodeAddress(local[0]), Port = port, Uid = uid, Inode = inode };
            }
        }

        /// <summary>The kernel prints the address as 32-bit words in host order (little-endian on the machines Carbon runs on).</summary>
        public static string DecodeAddress(string hex)
        {
            if (hex.Length != 8 && hex.Length != 32)
            {
                return hex;
            }
            var bytes = new byte[hex.Length / 2];
            for (var word = 0; word < hex.Length / 8; word++)
            {
                for (var b = 0; b < 4; b++)
                {
                    bytes[word * 4 + b] = byte.Parse(hex.Substring(word * 8 + (3 - b) * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                }
            }
            if (!BitConverter.IsLittleEndian)
            {
                for (var word = 0; word < bytes.Length / 4; word++)
                {
                    Array.Reverse(bytes, word * 4, 4);
                }
            }
            return new IPAddress(bytes).ToString();
        }

        /// <summary>socket inode → pid, from the fd links of every process this user may read.</summary>
        private static Dictionary<long, int> OwnersOf(string procRoot, HashSet<long> inodes)
        {
            var owners = new Dictionary<long, int>();
            if (inodes.Count == 0)
            {
                return owners;
            }
            var buffer = new byte[64];
            foreach (var dir in SafeDirectories(procRoot))
            {
                if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                {
                    continue;
                }
                var fdDir = Path.Combine(dir, "fd");
                foreach (var fd in DescriptorNames(fdDir))
                {
                    var inode = SocketInode(fdDir + "/" + fd, buffer);
                    if (inode >= 0 && inodes.Contains(inode) && !owners.ContainsKey(inode))
                    {
                        owners[inode] = pid;
                    }
                }
                if (owners.Count == inodes.Count)
                {
                    break;
                }
            }
            return owners;
        }

        /// <summary>
        /// The inode of a "socket:[12345]" link, or -1 for any other target. Read from the link's bytes: a host has
        /// thousands of descriptors, few of them sockets, and this runs for each.
        /// </summary>
        private static long SocketInode(string fdPath, byte[] buffer)
        {
            long n;
            try
            {
                n = readlink(fdPath, buffer, (IntPtr)buffer.Length).ToInt64();
            }
            catch (EntryPointNotFoundException)
            {
                return -1;
            }
            if (n <= SocketPrefix.Length + 1 || n >= buffer.Length || buffer[n - 1] != (byte)']')
            {
                return -1;
            }
            for (var i = 0; i < SocketPrefix.Length; i++)
            {
                if (buffer[i] != SocketPrefix[i])
                {
                    return -1;
                }
            }
            long inode = 0;
            for (var i = SocketPrefix.Length; i < n - 1; i++)
            {
                var digit = buffer[i] - (byte)'0';
                if (digit < 0 || digit > 9)
                {
                    return -1;
                }
                inode = inode * 10 + digit;
            }
            return inode;
        }

        private static Dictionary<int, string> Users(string passwdPath)
        {
            var users = new Dictionary<int, string>();
            try
            {
                foreach (var line in File.ReadLines(passwdPath))
                {
                    var f = line.Split(':');
                    if (f.Length > 2 && int.TryParse(f[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var uid) && !users.ContainsKey(uid))
                    {
                        users[uid] = f[0];
                    }
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
            }
            return users;
        }

        private sealed class ProcessFacts
        {
            public string Name;
            public int? Uid;
            public string CarbonHome;

            public static ProcessFacts Read(string procRoot, int pid)
            {
                var facts = new ProcessFacts();
                var dir = Path.Combine(procRoot, pid.ToString(CultureInfo.InvariantCulture));
                facts.Name = SafeRead(Path.Combine(dir, "comm"))?.Trim();
                var status = SafeRead(Path.Combine(dir, "status"));
                var uidLine = status?.Split('\n').FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
                if (uidLine != null && int.TryParse(uidLine.Substring(4).Trim().Split('\t', ' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var uid))
                {
                    facts.Uid = uid;
                }
                var args = ProcessCommandLines.Read(pid);
                if (args != null && args.Contains(ProcessCommandLines.CarbonBootstrapClass))
                {
                    facts.CarbonHome = ProcessCommandLines.CarbonHomeArgument(args);
                }
                return facts;
            }
        }

        private static string SafeRead(string path)
        {
            try
            {
                return File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }

        private static string[] SafeDirectories(string path)
        {
            try
            {
                return Directory.GetDirectories(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return new string[0];
            }
        }

        /// <summary>
        /// The names in a process's fd folder, read with readdir: .NET's enumeration stats every entry, and following
        /// each descriptor's link twice cost more than the rest of the scan.
        /// </summary>
        private static List<string> DescriptorNames(string fdDir)
        {
            var names = new List<string>();
            if (IntPtr.Size != 8)
            {
                try
                {
                    names.AddRange(Directory.EnumerateFileSystemEntries(fdDir).Select(Path.GetFileName));
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                }
                return names;
            }
            var dir = opendir(fdDir);
            if (dir == IntPtr.Zero)
            {
                return names; // gone, or not ours to read
            }
            try
            {
                IntPtr entry;
                while ((entry = readdir(dir)) != IntPtr.Zero)
                {
                    // struct dirent on 64-bit Linux (glibc and musl): d_ino, d_off (8 bytes each), d_reclen (2), d_type (1), d_name.
                    var name = Marshal.PtrToStringAnsi(entry + DirentNameOffset);
                    if (name != "." && name != "..")
                    {
                        names.Add(name);
                    }
                }
            }
            finally
            {
                closedir(dir);
            }
            return names;
        }

        private const int DirentNameOffset = 19;

        [DllImport("libc", SetLastError = true)]
        private static extern IntPtr opendir(string path);

        [DllImport("libc", SetLastError = true)]
        private static extern IntPtr readdir(IntPtr dir);

        [DllImport("libc")]
        private static extern int closedir(IntPtr dir);

        [DllImport("libc", SetLastError = true)]
        private static extern IntPtr readlink(string path, byte[] buffer, IntPtr size);
    }
}
