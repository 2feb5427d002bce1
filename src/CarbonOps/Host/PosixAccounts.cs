using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace CarbonOps.Host
{
    /// <summary>Local users and groups from /etc/passwd and /etc/group (accounts from LDAP or NSS modules are not seen).</summary>
    public static class PosixAccounts
    {
        public sealed class Account
        {
            internal Account(string name, uint id, uint groupId, string home, string shell)
            {
                Name = name;
                Id = id;
                GroupId = groupId;
                Home = home;
                Shell = shell;
            }

            public string Name { get; }
            public uint Id { get; }
            /// <summary>The primary group of a user; 0 for a group entry.</summary>
            public uint GroupId { get; }
            public string Home { get; }
            public string Shell { get; }
        }

        public static string PasswdPath { get; set; } = "/etc/passwd";

        public static string GroupPath { get; set; } = "/etc/group";

        public static IEnumerable<Account> Users() =>
            Read(PasswdPath, f => f.Length >= 7 ? new Account(f[0], ParseId(f[2]), ParseId(f[3]), f[5], f[6]) : null);

        public static IEnumerable<Account> Groups() =>
            Read(GroupPath, f => f.Length >= 3 ? new Account(f[0], ParseId(f[2]), 0, null, null) : null);

        public static Account FindUser(string name) => Users().FirstOrDefault(u => u.Name == name);

        public static Account FindGroup(string name) => Groups().FirstOrDefault(g => g.Name == name);

        public static string UserName(uint id) => Users().FirstOrDefault(u => u.Id == id)?.Name;

        public static string GroupName(uint id) => Groups().FirstOrDefault(g => g.Id == id)?.Name;

        private static uint ParseId(string text) =>
            uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : uint.MaxValue;

        private static IEnumerable<Account> Read(string path, Func<string[], Account> parse)
        {
            if (!File.Exists(path))
            {
                return Enumerable.Empty<Account>();
            }
            return File.ReadAllLines(path)
                .Where(l => l.Length > 0 && l[0] != '#')
                .Select(l => parse(l.Split(':')))
                .Where(a => a != null && a.Id != uint.MaxValue)
                .ToList();
        }
    }
}
