using System.Collections.Generic;
using CarbonOps.Installation;

namespace CarbonOps.Checks.Product
{
    /// <summary>The guide: keep users in OpenLDAP, Active Directory or a production RDBMS, not in H2 or the embedded ApacheDS.</summary>
    public sealed class EmbeddedUserStoreCheck : CarbonCheck
    {
        public override string Id => CheckIds.UserStoreEmbedded;
        public override string Title => "The user store is not the embedded H2 database or the embedded ApacheDS LDAP";
        public override string Category => "Database";
        public override CheckSeverity Severity => CheckSeverity.High;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Production Deployment Guidelines: Common guidelines and checklist (user stores)";
        public override string RemediationText =>
            "Move the user store to OpenLDAP, Active Directory or a production database: Set-CarbonUserStore configures the UserStoreManager of " +
            "user-mgt.xml (and turns the embedded LDAP off), or Set-CarbonDatasource points WSO2_CARBON_DB at Oracle, PostgreSQL, MySQL or MS SQL.";
        public override string NotRemediableReason =>
            "Moving the user store needs a directory or database server with its schema and the users in it; a file edit alone would lock everyone out. " + RemediationText;

        public override CheckResult Evaluate(CheckContext context)
        {
            var store = UserStoreInfo.Read(context.Home);
            var target = context.Home.FilePath(CarbonPaths.UserMgtXml);
            const string expected = "an external LDAP, Active Directory or production database user store; embedded LDAP off";
            var problems = new List<string>();
            if (store.OnH2)
            {
                problems.Add($"the JDBC user store (and the registry) use the embedded H2 database of datasource {store.DataSourceName ?? store.DataSourceJndi}");
            }
            if (store.IsEmbeddedLdap)
            {
                problems.Add("the user store is the embedded ApacheDS LDAP");
            }
            if (store.EmbeddedLdapEnabled)
            {
                problems.Add($"{CarbonPaths.EmbeddedLdapXml} starts the embedded ApacheDS LDAP server");
            }
            var where = store.IsLdap ? $"LDAP ({store.ManagerClass})" : $"JDBC, datasource {store.DataSourceName ?? store.DataSourceJndi ?? "(none)"}";
            if (problems.Count == 0)
            {
                return Pass(context, expected, where, target);
            }
            return Fail(context, expected, where + (store.EmbeddedLdapEnabled ? "; embedded LDAP on" : ""), target,
                char.ToUpperInvariant(problems[0][0]) + string.Join("; ", problems).Substring(1) + ".");
        }
    }
}
