using System;
using System.Linq;
using CarbonOps.Installation;

namespace CarbonOps.Checks.Product
{
    /// <summary>The guide: replace the embedded H2 database with Oracle, PostgreSQL, MySQL or MS SQL in production.</summary>
    public sealed class EmbeddedH2Check : CarbonCheck
    {
        public override string Id => "Database.EmbeddedH2";
        public override string Title => "No datasource uses the embedded H2 database";
        public override string Category => "Database";
        public override CheckSeverity Severity => CheckSeverity.High;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Production Deployment Guidelines: Common guidelines and checklist (databases)";
        public override string RemediationText =>
            "Create the registry and user-store databases on Oracle, PostgreSQL, MySQL or MS SQL, put the JDBC driver in " +
            "repository/components/lib, and point each H2 datasource of master-datasources.xml at them (Set-CarbonDatasource).";
        public override string NotRemediableReason =>
            "Moving off H2 needs a database server, its JDBC driver and the Carbon schema created in it; a file edit alone would break the server. " + RemediationText;

        public override CheckResult Evaluate(CheckContext context)
        {
            var config = context.Home.Xml(CarbonPaths.MasterDatasourcesXml);
            const string expected = "no datasource URL starts with jdbc:h2:";
            var h2 = config.Select("datasources/datasource")
                .Where(d => (d.Elements().FirstOrDefault(e => e.Name.LocalName == "definition")?
                    .Descendants().FirstOrDefault(e => e.Name.LocalName == "url")?.Value.Trim() ?? "")
                    .StartsWith("jdbc:h2:", StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (h2.Count == 0)
            {
                return Pass(context, expected, "no H2 datasource", config.Path);
            }
            var names = string.Join(", ", h2.Select(d => d.Elements().FirstOrDefault(e => e.Name.LocalName == "name")?.Value.Trim() ?? "(unnamed)"));
            return Fail(context, expected, "H2: " + names, config.Path, $"These datasources use the embedded H2 database, which is not for production: {names}.")
                .AtLine(config.LineOf(h2[0]));
        }
    }
}
