using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;

namespace CarbonOps.Host
{
    /// <summary>Listening TCP sockets on Windows from the IP helper API (GetExtendedTcpTable), with owning process ids.</summary>
    public static class WindowsTcpTable
    {
        private const int AfInet = 2;
        private const int AfInet6 = 23;
        private const int TcpTableOwnerPidListener = 3;
        private const int ErrorInsufficientBuffer = 122;

        public static SocketTable Read(ICollection<int> ports = null)
        {
            var sockets = new List<ListeningSocket>();
            var names = new Dictionary<int, string>();
            foreach (var family in new[] { AfInet, AfInet6 })
            {
                foreach (var row in Rows(family))
                {
                    if (ports != null && !ports.Contains(row.Key.Port))
                    {
                        continue;
                    }
                    if (!names.TryGetValue(row.Value, out var name))
                    {
                        name = ProcessName(row.Value);
                        names[row.Value] = name;
                    }
                    sockets.Add(new ListeningSocket(family == AfInet ? "IPv4" : "IPv6", row.Key.Address.ToString(), row.Key.Port, row.Value, name, null, null));
                }
            }
            return new SocketTable(sockets, true, "On Windows the owning user and the Carbon home of a listening process are not read.");
        }

        private static IEnumerable<KeyValuePair<IPEndPoint, int>> Rows(int family)
        {
            var size = 0;
            var result = GetExtendedTcpTable(IntPtr.Zero, ref size, false, family, TcpTableOwnerPidListener, 0);
            if (result != ErrorInsufficientBuffer && result != 0)
            {
                yield break;
            }
            var buffer = Marshal.AllocHGlobal(size);
            try
            {
                if (GetExtendedTcpTable(buffer, ref size, false, family, TcpTableOwnerPidListener, 0) != 0)
                {
                    yield break;
                }
                var count = Marshal.ReadInt32(buffer);
                var rowSize = family == AfInet ? 24 : 56;
                for (var i = 0; i < count; i++)
                {
                    var row = buffer + 4 + i * rowSize;
                    IPAddress address;
                    int portField, pid;
                    if (family == AfInet)
                    {
                        address = new IPAddress(BitConverter.GetBytes(Marshal.ReadInt32(row, 4)));
                        portField = Marshal.ReadInt32(row, 8);
                        pid = Marshal.ReadInt32(row, 20);
                    }
                    else
                    {
                        var bytes = new byte[16];
                        Marshal.Copy(row, bytes, 0, 16);
                        address = new IPAddress(bytes);
                        portField = Marshal.ReadInt32(row, 20);
                        pid = Marshal.ReadInt32(row, 52);
                    }
                    var port = ((portField & 0xff) << 8) | ((portField >> 8) & 0xff);
                    yield return new KeyValuePair<IPEndPoint, int>(new IPEndPoint(address, port), pid);
                }
            }
            finally
            {
                Marshal.FreeHGlobal(buffer);
            }
        }

        private static string ProcessName(int pid)
        {
            try
            {
                using (var process = Process.GetProcessById(pid))
                {
                    return process.ProcessName;
                }
            }
            catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException || ex is System.ComponentModel.Win32Exception)
            {
                return null;
            }
        }

        [DllImport("iphlpapi.dll", SetLastError = true)]
        private static extern int GetExtendedTcpTable(IntPtr table, ref int size, bool order, int family, int tableClass, int reserved);
    }
}
