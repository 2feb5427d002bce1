using System.Collections.Generic;
using System.IO;
using System.Linq;
using CarbonOps.Installation;
using CarbonOps.Tests.Support;

namespace CarbonOps.Tests.Online
{
    /// <summary>Copies of the sample home whose datasources and user store point at the throw-away servers.</summary>
    internal static class OnlineHomes
    {
        public sealed class Datasource
        {
            public string Name;
            public string Url;
            public string User = LiveServers.DatabaseUser;
            public string Password;
            public string ValidationQuery = "SELECT 1";
        }

        public static string Postgres(int port, string database = LiveServers.DatabaseName) => $"jdbc:postgresql://127.0.0.1:{port}/{database}";

        public static string MariaDb(int port, string database = LiveServers.DatabaseName) => $"jdbc:mysql://127.0.0.1:{port}/{database}?useSSL=false";

        /// <summary>A home whose master-datasources.xml holds the first datasource and repository/conf/datasources/extra-datasources.xml the rest.</summary>
        public static string WithDatasources(TempFolder temp, params Datasource[] datasources)
        {
            var home = temp.CopyHome(TestPaths.SampleHome, "home-" + System.Guid.NewGuid().ToString("N").Substring(0, 6));
            System.IO.File.WriteAllText(Path.Combine(home, CarbonPaths.MasterDatasourcesXml), Config(datasources.Take(1)));
            System.IO.File.WriteAllText(Path.Combine(home, RdbmsDatasource.DatasourcesFolder, "extra-datasources.xml"), Config(datasources.Skip(1)));
            return home;
        }

        private static string Config(IEnumerable<Datasource> datasources) =>
            "<datasources-configuration xmlns:svns=\"http://org.wso2.securevault/configuration\">\n  <providers><provider>org.wso2.carbon.ndatasource.rdbms.RDBMSDataSourceReader</provider></providers>\n  <datasources>\n" +
            string.Concat(datasources.Select(d => $@"    <datasource>
      <name>{d.Name}</name>
      <jndiConfig><name>jdbc/{d.Name}</name></jndiConfig>
      <definition type=""RDBMS"">
        <configuration>
          <url>{System.Security.SecurityElement.Escape(d.Url)}</url>
          <username>{d.User}</username>
          <password>{System.Security.SecurityElement.Escape(d.Password)}</password>
          <driverClassName>org.postgresql.Driver</driverClassName>
          {(d.ValidationQuery == null ? "" : $"<validationQuery>{d.ValidationQuery}</validationQuery>")}
        </configuration>
      </definition>
    </datasource>
")) + "  </datasources>\n</datasources-configuration>\n";

        /// <summary>A home whose user store is a read-only LDAP one (Carbon 4.2.0's ReadOnlyLDAPUserStoreManager) on the given server.</summary>
        public static string WithLdapUserStore(TempFolder temp, string url, string bindDn, string password, string searchBase = LiveServers.SearchBase)
        {
            var home = temp.CopyHome(TestPaths.SampleHome, "home-" + System.Guid.NewGuid().ToString("N").Substring(0, 6));
            var path = Path.Combine(home, CarbonPaths.UserMgtXml);
            var text = System.IO.File.ReadAllText(path);
            var start = text.IndexOf("<UserStoreManager class=\"org.wso2.carbon.user.core.jdbc.JDBCUserStoreManager\">", System.StringComparison.Ordinal);
            var end = text.IndexOf("</UserStoreManager>", start, System.StringComparison.Ordinal) + "</UserStoreManager>".Length;
            var ldap = $@"<UserStoreManager class=""org.wso2.carbon.user.core.ldap.ReadOnlyLDAPUserStoreManager"">
            <Property name=""TenantManager"">org.wso2.carbon.user.core.tenant.CommonHybridLDAPTenantManager</Property>
            <Property name=""ReadOnly"">true</Property>
            <Property name=""ConnectionURL"">{url}</Property>
            <Property name=""ConnectionName"">{bindDn}</Property>
            <Property name=""ConnectionPassword"">{System.Security.SecurityElement.Escape(password)}</Property>
            <Property name=""UserSearchBase"">{searchBase}</Property>
            <Property name=""UserNameAttribute"">uid</Property>
            <Property name=""UserNameSearchFilter"">(&amp;(objectClass=person)(uid=?))</Property>
        </UserStoreManager>";
            System.IO.File.WriteAllText(path, text.Substring(0, start) + ldap + text.Substring(end));
            return home;
        }
    }
}
