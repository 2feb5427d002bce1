using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Editing;
using CarbonOps.Installation;

namespace CarbonOps.Remedies
{
    /// <summary>What Set-CarbonCluster was asked to set; null leaves a value as it is.</summary>
    public sealed class ClusterSettings
    {
        public bool Disable { get; set; }
        public string Domain { get; set; }
        /// <summary>wka or multicast.</summary>
        public string MembershipScheme { get; set; }
        public string LocalMemberHost { get; set; }
        public int? LocalMemberPort { get; set; }
        /// <summary>host:port of each well-known member.</summary>
        public string[] Members { get; set; }
        /// <summary>worker or mgt.</summary>
        public string SubDomain { get; set; }
    }

    /// <summary>
    /// The edits of axis2.xml's &lt;clustering&gt; in the stock layout: the enable attribute, each parameter set
    /// in place (a commented-out one is uncommented, not duplicated), the subDomain member property, and
    /// &lt;members&gt; rewritten in the file's own indentation. One recorded setting per value given.
    /// </summary>
    public static class ClusterPlan
    {
        public const string CheckId = CheckIds.ClusterEnabled;

        public static void Validate(ClusterSettings settings)
        {
            if (settings.Domain != null && (settings.Domain.Trim().Length == 0 || settings.Domain.Any(char.IsWhiteSpace)))
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, $"'{settings.Domain}' is not a cluster domain (no white space).");
            }
            if (settings.LocalMemberHost != null)
            {
                ProxyRemedy.ValidateHost(settings.LocalMemberHost);
            }
            foreach (var member in settings.Members ?? new string[0])
            {
                ParseMember(member);
            }
        }

        /// <summary>host:port (an IPv6 host in [brackets]) → host and port; ParameterValueInvalid otherwise.</summary>
        public static (string Host, int Port) ParseMember(string member)
        {
            var colon = (member ?? "").LastIndexOf(':');
            var host = colon > 0 ? member.Substring(0, colon).Trim('[', ']') : null;
            if (host == null || Uri.CheckHostName(host) == UriHostNameType.Unknown
                || !int.TryParse(member.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port < 1 || port > 65535)
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, $"'{member}' is not host:port (a host name or address, and a port from 1 to 65535).");
            }
            return (host, port);
        }

        public static void Apply(RemediationContext context, ClusterSettings settings)
        {
            Validate(settings);
            var axis2 = context.Xml(CarbonPaths.Axis2Xml);
            Func<XElement> clustering = () => ClusterReader.Clustering(axis2.Root) ?? throw RemedyXml.Missing(axis2, "<clustering> element");
            clustering();
            RemedyXml.EnsureAttribute(context, axis2, clustering, "enable", settings.Disable ? "false" : "true", "clustering/@enable");
            SetParameter(context, axis2, clustering, "membershipScheme", settings.MembershipScheme, "AvoidInitiation");
            SetParameter(context, axis2, clustering, "domain", settings.Domain, "membershipScheme");
            SetParameter(context, axis2, clustering, "localMemberHost", settings.LocalMemberHost, "domain");
            SetParameter(context, axis2, clustering, "localMemberPort", settings.LocalMemberPort?.ToString(CultureInfo.InvariantCulture), "localMemberHost");
            if (settings.SubDomain != null)
            {
                SetSubDomain(context, axis2, clustering, settings.SubDomain);
            }
            if (settings.Members != null)
            {
                SetMembers(context, axis2, clustering, settings.Members.Select(ParseMember).ToList());
            }
        }

        private static void SetParameter(RemediationContext context, XmlConfig axis2, Func<XElement> clustering, string name, string value, string after)
        {
            if (value == null)
            {
                return;
            }
            RemedyXml.EnsureChildText(context, axis2, clustering, "parameter", RemedyXml.NameIs(name), value, name,
                $"<parameter name=\"{name}\">{RemedyXml.Escape(value)}</parameter>", () => ClusterReader.ParameterElement(clustering(), after));
        }

        private static void SetSubDomain(RemediationContext context, XmlConfig axis2, Func<XElement> clustering, string value)
        {
            const string setting = "properties/subDomain";
            var existing = ClusterReader.SubDomainProperty(clustering());
            if (existing != null)
            {
                RemedyXml.EnsureAttribute(context, axis2, () => ClusterReader.SubDomainProperty(clustering()), "value", value, setting);
                return;
            }
            context.Record(axis2.Path, setting, null, value);
            var property = $"<property name=\"subDomain\" value=\"{RemedyXml.EscapeAttribute(value)}\"/>";
            var properties = ClusterReader.ParameterElement(clustering(), "properties");
            if (properties == null)
            {
                var unit = axis2.IndentUnit(clustering());
                var block = $"<parameter name=\"properties\">\n{unit}{property}\n</parameter>";
                var anchor = ClusterReader.ParameterElement(clustering(), "localMemberPort") ?? ClusterReader.ParameterElement(clustering(), "domain");
                if (anchor != null)
                {
                    axis2.InsertAfter(anchor, block);
                }
                else
                {
                    axis2.AppendChild(clustering(), block);
                }
                return;
            }
            var commented = axis2.FindCommentedElement(properties, "property", RemedyXml.NameIs("subDomain"));
            if (commented != null)
            {
                axis2.Uncomment(commented, "property");
                axis2.SetAttribute(ClusterReader.SubDomainProperty(clustering()), "value", value);
                return;
            }
            axis2.AppendChild(properties, property);
        }

        private static void SetMembers(RemediationContext context, XmlConfig axis2, Func<XElement> clustering, List<(string Host, int Port)> members)
        {
            var wanted = members.Select(m => $"{m.Host}:{m.Port.ToString(CultureInfo.InvariantCulture)}").ToList();
            var current = ClusterReader.Members(clustering()).ToList();
            var element = clustering().Elements().FirstOrDefault(e => e.Name.LocalName == "members");
            context.Record(axis2.Path, "members", element == null ? null : string.Join(",", current), string.Join(",", wanted));
            if (element != null && current.SequenceEqual(wanted, StringComparer.Ordinal))
            {
                return;
            }
            var unit = axis2.IndentUnit(clustering());
            if (element == null)
            {
                axis2.AppendChild(clustering(), string.Join("\n", MembersLines(members, "", unit)));
                return;
            }
            var indent = axis2.IndentationOf(element);
            var lines = MembersLines(members, indent, unit).ToList();
            lines[0] = lines[0].Substring(indent.Length);
            axis2.ReplaceElement(element, lines);
        }

        /// <summary>&lt;members&gt; with one &lt;member&gt; per address, each line indented from <paramref name="indent"/> by <paramref name="unit"/>.</summary>
        private static IEnumerable<string> MembersLines(List<(string Host, int Port)> members, string indent, string unit)
        {
            yield return indent + "<members>";
            foreach (var (host, port) in members)
            {
                yield return indent + unit + "<member>";
                yield return indent + unit + unit + "<hostName>" + RemedyXml.Escape(host) + "</hostName>";
                yield return indent + unit + unit + "<port>" + port.ToString(CultureInfo.InvariantCulture) + "</port>";
                yield return indent + unit + "</member>";
            }
            yield return indent + "</members>";
        }
    }
}
