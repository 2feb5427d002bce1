using System;
using System.Collections.Generic;
using System.Net;
using System.Runtime.InteropServices;

namespace CarbonOps.Host
{
    /// <summary>libc calls that .NET Standard 2.0 has no API for (64-bit Linux and macOS layouts).</summary>
    internal static class PosixNative
    {
        private static bool IsMac => RuntimeInformation.IsOSPlatform(OSPlatform.OSX);

        /// <summary>The path with every symbolic link resolved (realpath(3)); null when it does not exist.</summary>
        public static string RealPath(string path)
        {
            try
            {
                var resolved = realpath(path, IntPtr.Zero);
                if (resolved == IntPtr.Zero)
                {
                    return null;
                }
                try
                {
                    return Marshal.PtrToStringAnsi(resolved);
                }
                finally
                {
                    free(resolved);
                }
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
            {
                return null;
            }
        }

        /// <summary>The soft RLIMIT_NOFILE of this process, which the processes it starts inherit; long.MaxValue for unlimited.</summary>
        public static long? OpenFilesSoftLimit()
        {
            if (IntPtr.Size != 8)
            {
                return null;
            }
            var limits = new ulong[2];
            try
            {
                if (getrlimit(IsMac ? 8 : 7, limits) != 0)
                {
                    return null;
                }
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
            {
                return null;
            }
            return limits[0] > long.MaxValue ? long.MaxValue : (long)limits[0];
        }

        /// <summary>
        /// The addresses getaddrinfo(3) gives for a name: what Java's InetAddress and every other program
        /// on the host see (.NET's own resolver answers the local host name with interface addresses instead).
        /// </summary>
        public static NameResolution GetAddrInfo(string name)
        {
            if (IntPtr.Size != 8)
            {
                return null;
            }
            // struct addrinfo: four ints, socklen_t, then (Linux) ai_addr, ai_canonname, ai_next; (BSD) ai_canonname, ai_addr, ai_next.
            var hints = new byte[48];
            BitConverter.GetBytes(1).CopyTo(hints, 8); // ai_socktype = SOCK_STREAM: one entry per address
            var result = IntPtr.Zero;
            int rc;
            try
            {
                rc = getaddrinfo(name, null, hints, out result);
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
            {
                return null;
            }
            if (rc != 0)
            {
                return new NameResolution(null, $"getaddrinfo: {Marshal.PtrToStringAnsi(gai_strerror(rc))}");
            }
            var addresses = new List<string>();
            try
            {
                for (var entry = result; entry != IntPtr.Zero; entry = Marshal.ReadIntPtr(entry, 40))
                {
                    var sockaddr = Marshal.ReadIntPtr(entry, IsMac ? 32 : 24);
                    var address = ReadSockAddr(sockaddr);
                    if (address != null && !addresses.Contains(address))
                    {
                        addresses.Add(address);
                    }
                }
            }
            finally
            {
                freeaddrinfo(result);
            }
            return new NameResolution(addresses);
        }

        private static string ReadSockAddr(IntPtr sockaddr)
        {
            if (sockaddr == IntPtr.Zero)
            {
                return null;
            }
            int family = IsMac ? Marshal.ReadByte(sockaddr, 1) : Marshal.ReadInt16(sockaddr);
            var inet6 = IsMac ? 30 : 10;
            if (family == 2)
            {
                var bytes = new byte[4];
                Marshal.Copy(sockaddr + 4, bytes, 0, 4);
                return new IPAddress(bytes).ToString();
            }
            if (family == inet6)
            {
                var bytes = new byte[16];
                Marshal.Copy(sockaddr + 8, bytes, 0, 16);
                return new IPAddress(bytes).ToString();
            }
            return null;
        }

        [DllImport("libc", SetLastError = true)]
        private static extern IntPtr realpath(string path, IntPtr resolved);

        [DllImport("libc")]
        private static extern void free(IntPtr pointer);

        [DllImport("libc", SetLastError = true)]
        private static extern int getrlimit(int resource, [Out] ulong[] limits);

        [DllImport("libc")]
        private static extern int getaddrinfo(string node, string service, byte[] hints, out IntPtr result);

        [DllImport("libc")]
        private static extern void freeaddrinfo(IntPtr result);

        [DllImport("libc")]
        private static extern IntPtr gai_strerror(int code);
    }
}
