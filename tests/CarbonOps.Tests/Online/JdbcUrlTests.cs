using CarbonOps.Checks.Online;
using CarbonOps.Host.Online;
using CarbonOps.Installation;
using Xunit;

namespace CarbonOps.Tests.Online
{
    public class JdbcUrlTests
    {
        [Theory]
        [InlineData("jdbc:mysql://db1.example.com:3307/regdb?autoReconnect=true&useSSL=false", DatabaseKind.MySql, "db1.example.com", 3307, "regdb")]
        [InlineData("jdbc:mariadb://10.0.0.5/carbon", DatabaseKind.MySql, "10.0.0.5", 3306, "carbon")]
        [InlineData("jdbc:postgresql://pg.example.com/WSO2CARBON_DB", DatabaseKind.PostgreSql, "pg.example.com", 5432, "WSO2CARBON_DB")]
        [InlineData("jdbc:oracle:thin:@ora.example.com:1522:ORCL", DatabaseKind.Oracle, "ora.example.com", 1522, "ORCL")]
        [InlineData("jdbc:oracle:thin:@//ora.example.com:1521/carbon.example.com", DatabaseKind.Oracle, "ora.example.com", 1521, "carbon.example.com")]
        [InlineData("jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=rac1.example.com)(PORT=1530))(CONNECT_DATA=(SERVICE_NAME=carbon)))", DatabaseKind.Oracle, "rac1.example.com", 1530, null)]
        [InlineData("jdbc:sqlserver://mssql.example.com:1434;databaseName=WSO2_CARBON;SendStringParametersAsUnicode=false", DatabaseKind.SqlServer, "mssql.example.com", 1434, "WSO2_CARBON")]
        [InlineData("jdbc:jtds:sqlserver://mssql.example.com/WSO2_CARBON", DatabaseKind.SqlServer, "mssql.example.com", 1433, "WSO2_CARBON")]
        public void TheServerPartIsRead(string url, DatabaseKind kind, string host, int port, string database)
        {
            var parsed = JdbcUrl.Parse(url);
            Assert.Equal(kind, parsed.Kind);
            Assert.Equal(host, parsed.Host);
            Assert.Equal(port, parsed.Port);
            Assert.Equal(database, string.IsNullOrEmpty(parsed.Database) ? null : parsed.Database);
        }

        [Fact]
        public void ParametersAreReadAndNeverShown()
        {
            var mysql = JdbcUrl.Parse("jdbc:mysql://127.0.0.1:3306/carbon?useSSL=true&password=Hidden-Owl-1");
            Assert.Equal("true", mysql.Parameters["useSSL"]);
            Assert.DoesNotContain("Hidden-Owl-1", mysql.Display);
            var oracle = JdbcUrl.Parse("jdbc:oracle:thin:scott/Hidden-Owl-2@ora.example.com:1521:ORCL");
            Assert.Equal("ora.example.com", oracle.Host);
            Assert.DoesNotContain("Hidden-Owl-2", oracle.Display);
        }

        [Fact]
        public void H2AndUnknownUrlsNameNoServer()
        {
            Assert.Equal(DatabaseKind.H2, JdbcUrl.Parse("jdbc:h2:repository/database/WSO2CARBON_DB;DB_CLOSE_ON_EXIT=FALSE").Kind);
            Assert.Null(JdbcUrl.Parse("jdbc:h2:file:/opt/carbon/db/WSO2CARBON_DB").Host);
            var server = JdbcUrl.Parse("jdbc:h2:tcp://h2.example.com/~/carbon");
            Assert.Equal(("h2.example.com", 9092), (server.Host, server.Port));
            Assert.Null(JdbcUrl.Parse("not a url").Host);
            Assert.Null(JdbcUrl.Parse("jdbc:db2:carbon").Host);
        }

        [Theory]
        [InlineData("ldap://ldap.example.com:10389", "ldap.example.com", 10389, false)]
        [InlineData("ldap://ldap.example.com", "ldap.example.com", 389, false)]
        [InlineData("ldaps://ad.example.com", "ad.example.com", 636, true)]
        [InlineData("ldaps://ad.example.com:3269 ldaps://ad2.example.com:3269", "ad.example.com", 3269, true)]
        public void AnLdapConnectionUrlIsRead(string url, string host, int port, bool secure)
        {
            Assert.True(UserStoreReachableCheck.TryParse(url, out var h, out var p, out var s));
            Assert.Equal((host, port, secure), (h, p, s));
        }

        [Theory]
        [InlineData("ldap://localhost:${Ports.EmbeddedLDAP.LDAPServerPort}")]
        [InlineData("http://ldap.example.com")]
        [InlineData("")]
        public void APlaceholderOrAnotherSchemeIsNotReached(string url) => Assert.False(UserStoreReachableCheck.TryParse(url, out _, out _, out _));
    }
}
