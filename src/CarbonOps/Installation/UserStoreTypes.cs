using System;
using System.Collections.Generic;
using System.Linq;

namespace CarbonOps.Installation
{
    /// <summary>The user store managers of Carbon 4.2.0 that CarbonOps configures, by the names its cmdlets take.</summary>
    public static class UserStoreTypes
    {
        public const string ReadWriteLdap = "ReadWriteLdap";
        public const string ReadOnlyLdap = "ReadOnlyLdap";
        public const string ActiveDirectory = "ActiveDirectory";
        public const string Jdbc = "Jdbc";

        public static readonly IReadOnlyDictionary<string, string> Classes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [ReadWriteLdap] = "org.wso2.carbon.user.core.ldap.ReadWriteLDAPUserStoreManager",
            [ReadOnlyLdap] = "org.wso2.carbon.user.core.ldap.ReadOnlyLDAPUserStoreManager",
            [ActiveDirectory] = "org.wso2.carbon.user.core.ldap.ActiveDirectoryUserStoreManager",
            [Jdbc] = "org.wso2.carbon.user.core.jdbc.JDBCUserStoreManager",
        };

        /// <summary>The short name of a manager class; the class itself when it is another one; null for none.</summary>
        public static string Name(string managerClass) =>
            managerClass == null ? null : Classes.FirstOrDefault(p => p.Value == managerClass).Key ?? managerClass;
    }
}
