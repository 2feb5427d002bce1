using System;
using System.Collections.Generic;
using System.Linq;
using CarbonOps.Installation;

namespace CarbonOps.Checks.Cluster
{
    /// <summary>
    /// The checks of a whole cluster (Test-CarbonCluster): the nodes, read on their own hosts, must agree on
    /// domain, membership and everything they share. A failure names the offending node in ProductHome and
    /// Actual; Target is the cluster's domain.
    /// </summary>
    public static class ClusterRules
    {
        public const string Reference = "Production Deployment Guidelines: High availability";
        public const string Category = "Cluster";

        private sealed class Rule
        {
            public string Id;
            public string Title;
            public string Expected;
            public string Remediation;
            public Func<IReadOnlyList<CarbonCluster>, Verdict> Evaluate;
        }

        /// <summary>What a rule found: offending nodes with what is wrong with each, or a reason it does not apply.</summary>
        private sealed class Verdict
        {
            public readonly List<(CarbonCluster Node, string Problem)> Offenders = new List<(CarbonCluster, string)>();
            public string NotApplicable;
            public string PassActual;
        }

        private static readonly Rule[] Rules =
        {
            new Rule
            {
                Id = CheckIds.ClusterNodesEnabled, Title = "Clustering is on on every node", Expected = "<clustering enable=\"true\"> on every node",
                Remediation = "Set-CarbonCluster -ProductHome <home> turns clustering on.",
                Evaluate = nodes => Offenders(nodes, n => n.Enabled ? null : "clustering is off (axis2.xml <clustering enable=\"false\">)", "on on every node"),
            },
            new Rule
            {
                Id = CheckIds.ClusterDomain, Title = "Every node is in the same cluster domain", Expected = "one domain",
                Remediation = "Set-CarbonCluster -Domain <domain> on the odd node.",
                Evaluate = nodes => SameValue(nodes, n => n.Domain, "domain"),
            },
            new Rule
            {
                Id = CheckIds.ClusterMembershipScheme, Title = "Every node uses the same membership scheme", Expected = "one membership scheme",
                Remediation = "Set-CarbonCluster -MembershipScheme Wka (or Multicast) on the odd node.",
                Evaluate = nodes => SameValue(nodes, n => n.MembershipScheme?.ToLowerInvariant(), "membership scheme"),
            },
            new Rule
            {
                Id = CheckIds.ClusterWkaMembers, Title = "With WKA every node lists well-known members, and each is a node of the cluster",
                Expected = "members on every node, each some node's localMemberHost:localMemberPort",
                Remediation = "Set-CarbonCluster -Member host:port,... with the localMemberHost:localMemberPort of the well-known nodes.",
                Evaluate = WkaMembers,
            },
            new Rule
            {
                Id = CheckIds.ClusterLoopbackAddress, Title = "No node advertises a loopback address when the nodes are on several hosts",
                Expected = "routable localMemberHost and member addresses",
                Remediation = "Set-CarbonCluster -LocalMemberHost <address the other hosts reach> and list members by that address.",
                Evaluate = Loopback,
            },
            new Rule
            {
                Id = CheckIds.ClusterUniqueMember, Title = "Each node advertises its own host:port", Expected = "unique localMemberHost:localMemberPort",
                Remediation = "Give each node on one host its own -LocalMemberPort (the port offset does not move it).",
                Evaluate = Unique,
            },
            new Rule
            {
                Id = CheckIds.ClusterWorkerManager, Title = "A worker/manager cluster has a manager and workers, and workers start as worker nodes",
                Expected = "at least one mgt and one worker node; workers started with -DworkerNode=true",
                Remediation = "Set-CarbonCluster -SubDomain mgt|worker; start workers with Start-CarbonServer -WorkerNode or New-CarbonServiceUnit -WorkerNode.",
                Evaluate = WorkerManager,
            },
            new Rule
            {
                Id = CheckIds.ClusterDeploymentSynchronizer, Title = "The manager commits artefacts and workers only check them out, from one repository",
                Expected = "manager AutoCommit true; workers AutoCommit false and AutoCheckout true; one repository URL",
                Remediation = "Set carbon.xml's DeploymentSynchronizer: AutoCommit true on the manager only, AutoCheckout true on workers, the same SvnUrl everywhere.",
                Evaluate = DeploymentSynchronizer,
            },
            new Rule
            {
                Id = CheckIds.ClusterSharedRegistry, Title = "The config and governance registries are mounted from one database on every node",
                Expected = "/_system/config and /_system/governance mounted from the same database URL on every node",
                Remediation = "Set-CarbonRegistryMount -DataSource <jndi name of the shared registry datasource> on every node.",
                Evaluate = SharedRegistry,
            },
            new Rule
            {
                Id = CheckIds.ClusterSharedUserStore, Title = "Every node uses the same user store", Expected = "one JDBC or LDAP URL",
                Remediation = "Set-CarbonUserStore (or Set-CarbonDatasource for a JDBC store) with the same URL on every node.",
                Evaluate = nodes => SameValue(nodes, n => n.UserStoreUrl, "user store URL"),
            },
            new Rule
            {
                Id = CheckIds.ClusterSharedDatabaseH2, Title = "Nothing the nodes share is on the embedded H2 database", Expected = "shared registry and user store on a production RDBMS or LDAP",
                Remediation = "Move the shared registry and user store to Oracle, PostgreSQL, MySQL, MS SQL or LDAP (Set-CarbonDatasource, Set-CarbonUserStore).",
                Evaluate = nodes => Offenders(nodes, n => string.Join("; ", new[]
                {
                    Datasources.IsH2(n.ConfigRegistryUrl) ? "the config registry mount is on H2" : null,
                    Datasources.IsH2(n.GovernanceRegistryUrl) ? "the governance registry mount is on H2" : null,
                    Datasources.IsH2(n.UserStoreUrl) ? "the user store is on H2" : null,
                }.Where(p => p != null)) is var p && p.Length > 0 ? p : null, "nothing shared on H2"),
            },
        };

        public static IReadOnlyList<string> Ids => Rules.Select(r => r.Id).ToList();

        public static IReadOnlyList<CheckResult> Evaluate(IReadOnlyList<CarbonCluster> nodes, string computerName)
        {
            var domain = Majority(nodes.Select(n => n.Domain)) ?? "(no domain)";
            var results = new List<CheckResult>();
            foreach (var rule in Rules)
            {
                var verdict = rule.Evaluate(nodes);
                if (verdict.NotApplicable != null)
                {
                    results.Add(Result(rule, CheckOutcome.Skipped, null, verdict.NotApplicable, domain, null, computerName));
                }
                else if (verdict.Offenders.Count == 0)
                {
                    results.Add(Result(rule, CheckOutcome.Pass, verdict.PassActual, $"All {nodes.Count} nodes meet the guide.", domain, null, computerName));
                }
                else
                {
                    results.AddRange(verdict.Offenders.Select(o => Result(rule, CheckOutcome.Fail, $"{Label(o.Node)}: {o.Problem}",
                        $"Node {Label(o.Node)}: {o.Problem}.", domain, o.Node.ProductHome, o.Node.ComputerName)));
                }
            }
            return results;
        }

        private static CheckResult Result(Rule rule, CheckOutcome outcome, string actual, string message, string domain, string productHome, string computerName) =>
            new CheckResult(rule.Id, rule.Title, Category, CheckSeverity.High, outcome, outcome == CheckOutcome.Skipped ? null : rule.Expected, actual, message,
                outcome == CheckOutcome.Pass || outcome == CheckOutcome.Skipped ? null : rule.Remediation, false, domain, productHome, computerName, Reference);

        private static string Label(CarbonCluster node) => $"{node.ProductHome} on {node.ComputerName}";

        private static string MemberAddress(CarbonCluster node) => $"{node.LocalMemberHost}:{node.LocalMemberPort}".ToLowerInvariant();

        private static Verdict Offenders(IReadOnlyList<CarbonCluster> nodes, Func<CarbonCluster, string> problem, string passActual)
        {
            var verdict = new Verdict { PassActual = passActual };
            foreach (var node in nodes)
            {
                var p = problem(node);
                if (p != null)
                {
                    verdict.Offenders.Add((node, p));
                }
            }
            return verdict;
        }

        /// <summary>The value most nodes have is the cluster's; nodes with another value (or none) are the offenders.</summary>
        private static Verdict SameValue(IReadOnlyList<CarbonCluster> nodes, Func<CarbonCluster, string> value, string what)
        {
            var majority = Majority(nodes.Select(value));
            return Offenders(nodes, n => value(n) == null ? $"no {what}" : majority != null && value(n) != majority ? $"{what} '{value(n)}', the others have '{majority}'" : null,
                majority == null ? null : $"{what} '{majority}'");
        }

        private static string Majority(IEnumerable<string> values) =>
            values.Where(v => v != null).GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault()?.Key;

        private static bool IsWka(CarbonCluster node) => string.Equals(node.MembershipScheme, "wka", StringComparison.OrdinalIgnoreCase);

        private static Verdict WkaMembers(IReadOnlyList<CarbonCluster> nodes)
        {
            if (!nodes.Any(IsWka))
            {
                return new Verdict { NotApplicable = "No node uses WKA membership; multicast discovers members itself." };
            }
            var addresses = new HashSet<string>(nodes.Select(MemberAddress), StringComparer.Ordinal);
            return Offenders(nodes.Where(IsWka).ToList(), n =>
            {
                if (n.Members.Length == 0)
                {
                    return "lists no well-known members";
                }
                var strangers = n.Members.Where(m => !addresses.Contains(m.ToLowerInvariant())).ToList();
                return strangers.Count == 0 ? null : $"member {string.Join(", ", strangers)} is no node's localMemberHost:localMemberPort";
            }, "every WKA node lists members of the cluster");
        }

        private static bool IsLoopback(string host)
        {
            var h = (host ?? "").Trim().ToLowerInvariant();
            return h == "localhost" || h.StartsWith("127.", StringComparison.Ordinal) || h == "::1" || h == "[::1]";
        }

        private static Verdict Loopback(IReadOnlyList<CarbonCluster> nodes)
        {
            var hosts = nodes.Select(n => n.ComputerName).Distinct(StringComparer.OrdinalIgnoreCase).Count();
            if (hosts < 2)
            {
                return new Verdict { NotApplicable = "Every node runs on one host, where a loopback address reaches them all." };
            }
            return Offenders(nodes, n =>
            {
                var problems = new List<string>();
                if (IsLoopback(n.LocalMemberHost))
                {
                    problems.Add($"advertises localMemberHost {n.LocalMemberHost}");
                }
                var loopMembers = n.Members.Where(m => IsLoopback(m.Substring(0, Math.Max(0, m.LastIndexOf(':'))))).ToList();
                if (loopMembers.Count > 0)
                {
                    problems.Add($"lists loopback member {string.Join(", ", loopMembers)}");
                }
                return problems.Count == 0 ? null : string.Join("; ", problems) + $" while the nodes are on {hosts} hosts";
            }, $"routable addresses on {hosts} hosts");
        }

        private static Verdict Unique(IReadOnlyList<CarbonCluster> nodes)
        {
            var shared = nodes.GroupBy(MemberAddress).Where(g => g.Count() > 1).SelectMany(g => g).ToList();
            return Offenders(nodes, n => shared.Contains(n)
                ? $"advertises {n.LocalMemberHost}:{n.LocalMemberPort}, as another node does" : null, "unique host:port on every node");
        }

        private static Verdict WorkerManager(IReadOnlyList<CarbonCluster> nodes)
        {
            if (nodes.All(n => n.SubDomain == null))
            {
                return new Verdict { NotApplicable = "No node sets a subDomain: not a worker/manager cluster." };
            }
            var managers = nodes.Count(n => n.SubDomain == "mgt");
            var workers = nodes.Count(n => n.SubDomain == "worker");
            return Offenders(nodes, n =>
            {
                if (n.SubDomain != "mgt" && n.SubDomain != "worker")
                {
                    return n.SubDomain == null ? "sets no subDomain in a worker/manager cluster" : $"subDomain '{n.SubDomain}' is neither mgt nor worker";
                }
                if (n.SubDomain == "worker" && !n.WorkerNode)
                {
                    return "is a worker (subDomain worker) but is not started with -DworkerNode=true";
                }
                if (n.SubDomain == "mgt" && n.WorkerNode)
                {
                    return $"is the manager (subDomain mgt) but starts with -DworkerNode=true ({n.WorkerNodeSource})";
                }
                if (managers == 0)
                {
                    return "is in a cluster with no mgt node";
                }
                return workers == 0 ? "is in a cluster with no worker node" : null;
            }, $"{managers} mgt, {workers} worker");
        }

        private static Verdict DeploymentSynchronizer(IReadOnlyList<CarbonCluster> nodes)
        {
            if (!nodes.Any(n => n.DeploymentSynchronizerEnabled))
            {
                return new Verdict { NotApplicable = "The deployment synchronizer is off on every node: artefacts must reach the nodes another way." };
            }
            var repository = Majority(nodes.Where(n => n.DeploymentSynchronizerEnabled).Select(n => n.RepositoryUrl));
            return Offenders(nodes, n =>
            {
                if (!n.DeploymentSynchronizerEnabled)
                {
                    return "has the deployment synchronizer off while other nodes use it";
                }
                var manager = n.SubDomain == "mgt" || (n.SubDomain == null && !n.WorkerNode);
                if (manager && !n.AutoCommit)
                {
                    return "is the manager but does not commit (AutoCommit false)";
                }
                if (!manager && n.AutoCommit)
                {
                    return "is a worker but commits (AutoCommit true)";
                }
                if (!manager && !n.AutoCheckout)
                {
                    return "is a worker but does not check out (AutoCheckout false)";
                }
                return n.RepositoryUrl != repository ? $"uses repository '{n.RepositoryUrl}', the others '{repository}'" : null;
            }, $"one repository '{repository}'");
        }

        private static Verdict SharedRegistry(IReadOnlyList<CarbonCluster> nodes)
        {
            var config = Majority(nodes.Select(n => n.ConfigRegistryUrl));
            var governance = Majority(nodes.Select(n => n.GovernanceRegistryUrl));
            return Offenders(nodes, n =>
            {
                var problems = new List<string>();
                foreach (var (path, url, wanted) in new[] { (RegistryMounts.ConfigPath, n.ConfigRegistryUrl, config), (RegistryMounts.GovernancePath, n.GovernanceRegistryUrl, governance) })
                {
                    if (url == null)
                    {
                        problems.Add($"{path} is not mounted from a database");
                    }
                    else if (url != wanted)
                    {
                        problems.Add($"{path} is mounted from '{url}', the others from '{wanted}'");
                    }
                }
                return problems.Count == 0 ? null : string.Join("; ", problems);
            }, $"config '{config}', governance '{governance}'");
        }
    }
}
