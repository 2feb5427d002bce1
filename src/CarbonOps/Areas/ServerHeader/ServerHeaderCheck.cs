using System;
using System.Collections.Generic;
using System.Linq;
using CarbonOps.Changes;
using CarbonOps.Installation;
using CarbonOps.Remedies;

namespace CarbonOps.Checks.Product
{
    /// <summary>The connectors announce the product in the HTTP Server header (server="WSO2 Carbon Server", or Tomcat's Apache-Coyote when unset).</summary>
    public sealed class ServerHeaderCheck : CarbonCheck
    {
        public const string NeutralValue = RemediationOptions.NeutralServerHeader;
        private static readonly string[] Revealing = { "WSO2", "Carbon", "Apache", "Coyote", "Tomcat" };

        public override string Id => CheckIds.SecurityServerHeader;
        public override string Title => "The HTTP Server header does not name the product";
        public override string Category => "Security";
        public override CheckSeverity Severity => CheckSeverity.Low;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Security guidelines for production deployment: hide the server's identity";
        public override string RemediationText =>
            $"Set server=\"{NeutralValue}\" (or another neutral value) on every Connector of repository/conf/tomcat/catalina-server.xml (Invoke-CarbonHardening -ServerHeader).";
        public override bool CanRemediate => true;

        /// <summary>Whether a server attribute value gives the product away (null: Tomcat sends Apache-Coyote/1.1).</summary>
        public static bool IsRevealing(string value) =>
            value == null || Revealing.Any(r => value.IndexOf(r, StringComparison.OrdinalIgnoreCase) >= 0);

        public override CheckResult Evaluate(CheckContext context)
        {
            var catalina = context.Home.Xml(CarbonPaths.CatalinaServerXml);
            var connectors = ProxyRemedy.Connectors(catalina.Root).ToList();
            if (connectors.Count == 0)
            {
                return Skip(context, catalina.Path, $"{catalina.Path} has no Connector.");
            }
            var bad = new List<string>();
            var firstBadLine = 0;
            foreach (var c in connectors)
            {
                var server = (string)c.Attribute("server");
                if (IsRevealing(server))
                {
                    firstBadLine = firstBadLine > 0 ? firstBadLine : catalina.LineOf(c);
                    bad.Add($"{(string)c.Attribute("port")}: {server ?? "(unset: Apache-Coyote/1.1)"}");
                }
            }
            const string expected = "a neutral server attribute on every connector";
            if (bad.Count == 0)
            {
                return Pass(context, expected, string.Join(", ", connectors.Select(c => (string)c.Attribute("server")).Distinct()), catalina.Path);
            }
            return Fail(context, expected, string.Join("; ", bad), catalina.Path,
                "The Server header tells every client which product and version family answers, which narrows an attacker's search.").AtLine(firstBadLine);
        }

        public override void Remediate(RemediationContext context)
        {
            var value = context.Options.ServerHeader ?? NeutralValue;
            if (IsRevealing(value) || value.Trim().Length == 0)
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, $"'{value}' is not a neutral Server header.");
            }
            var catalina = context.Xml(CarbonPaths.CatalinaServerXml);
            var count = ProxyRemedy.Connectors(catalina.Root).Count();
            for (var i = 0; i < count; i++)
            {
                var index = i;
                Func<System.Xml.Linq.XElement> connector = () => ProxyRemedy.Connectors(catalina.Root).ElementAt(index);
                var server = (string)connector().Attribute("server");
                if (IsRevealing(server))
                {
                    RemedyXml.EnsureAttribute(context, catalina, connector, "server", value, $"Connector[port={(string)connector().Attribute("port")}]/@server");
                }
                else
                {
                    context.Record(catalina.Path, $"Connector[port={(string)connector().Attribute("port")}]/@server", server, server);
                }
            }
        }
    }
}
