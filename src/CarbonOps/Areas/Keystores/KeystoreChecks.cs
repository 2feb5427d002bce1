using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CarbonOps.Installation;
using CarbonOps.Keystores;

namespace CarbonOps.Checks.Security
{
    /// <summary>What the keystore checks share: the category, the reference, and a result from a list of findings.</summary>
    public abstract class KeystoreCheck : CarbonCheck
    {
        public override string Category => "Security";
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Production Deployment Guidelines: Security checklist (keystores and certificates)";

        internal CheckResult FromFindings(CheckContext context, string expected, List<KeystoreAudit.FileGroup> files, List<string> failures, List<string> warnings, string passActual)
        {
            var target = context.Home.FilePath(CarbonPaths.CarbonXml);
            if (files.Count == 0)
            {
                return Skip(context, target, "The home configures no keystore of this kind.");
            }
            var unread = files.SelectMany(f => f.Problems.Select(p => $"{f.Label}: {p.TrimEnd('.')}")).ToList();
            if (failures.Count > 0)
            {
                return Fail(context, expected, string.Join("; ", failures), target, string.Join("; ", failures.Concat(unread)) + ".");
            }
            if (warnings.Count > 0 || unread.Count > 0)
            {
                return Warn(context, expected, string.Join("; ", warnings.Concat(unread)), target, "Not verified everywhere: " + string.Join("; ", warnings.Concat(unread)) + ".");
            }
            return Pass(context, expected, passActual, target);
        }
    }

    /// <summary>The guide: WSO2's self-signed key is public; configure your own keys.</summary>
    public sealed class DefaultKeystoreCheck : KeystoreCheck
    {
        public override string Id => CheckIds.SecurityDefaultKeystore;
        public override string Title => "No configured keystore holds WSO2's public default key or opens with its default password";
        public override CheckSeverity Severity => CheckSeverity.Critical;
        public override string RemediationText =>
            "Create your own key with New-CarbonKeystore (or get one signed with -CertificateRequestPath and Import-CarbonCertificate), then point the home at it with Set-CarbonKeystore.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var files = KeystoreAudit.ByFile(KeystoreAudit.Open(context, KeystoreRole.Identity));
            var failures = new List<string>();
            foreach (var file in files)
            {
                var defaults = file.Keys.Where(k => CertificateFacts.IsWso2Default(k.Certificate)).Select(k => k.Alias).ToList();
                if (defaults.Count > 0)
                {
                    failures.Add($"{file.Label} holds WSO2's default key under '{string.Join("', '", defaults)}' (SHA-1 {CertificateFacts.Wso2DefaultSha1})");
                }
                if (file.Members.Any(m => m.OpensWithDefaultPassword))
                {
                    failures.Add($"{file.Label} opens with WSO2's default password");
                }
            }
            return FromFindings(context, "own keys, own passwords in every configured keystore", files, failures, new List<string>(),
                $"{files.Count} keystore(s) in use, none with WSO2's default key or password");
        }
    }

    /// <summary>RSA keys under 2048 bits and MD5/SHA-1 signatures are breakable.</summary>
    public sealed class KeyStrengthCheck : KeystoreCheck
    {
        public override string Id => CheckIds.SecurityKeyStrength;
        public override string Title => "Keys in use are RSA 2048 bits or more with SHA-256 (or stronger) signatures";
        public override CheckSeverity Severity => CheckSeverity.High;
        public override string RemediationText => "Create a 2048-bit (or larger) RSA key with a SHA-256 certificate: New-CarbonKeystore, then Set-CarbonKeystore.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var files = KeystoreAudit.ByFile(KeystoreAudit.Open(context, KeystoreRole.Identity));
            var failures = new List<string>();
            var seen = 0;
            foreach (var file in files)
            {
                foreach (var key in file.Keys)
                {
                    seen++;
                    var alias = key.Alias;
                    var cert = key.Certificate;
                    var size = CertificateFacts.KeySize(cert);
                    var keyAlgorithm = CertificateFacts.KeyAlgorithm(cert);
                    var weakKey = keyAlgorithm == "RSA" && size < 2048;
                    if (weakKey || CertificateFacts.HasWeakSignature(cert))
                    {
                        failures.Add($"{file.Label} '{alias}': {keyAlgorithm} {size}-bit, {CertificateFacts.SignatureAlgorithm(cert)}");
                    }
                }
            }
            return FromFindings(context, "RSA >= 2048 bits, no MD5 or SHA-1 signature", files, failures, new List<string>(), $"{seen} key(s) in use, all strong");
        }
    }

    /// <summary>An expired certificate stops TLS; one about to expire will.</summary>
    public sealed class CertificateExpiryCheck : KeystoreCheck
    {
        public override string Id => CheckIds.SecurityCertificateExpiry;
        public override string Title => "Certificates of the keys in use are valid and not about to expire";
        public override CheckSeverity Severity => CheckSeverity.High;
        public override string RemediationText => "Renew the certificate (New-CarbonKeystore -CertificateRequestPath, then Import-CarbonCertificate) before it expires.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var days = context.Options.CertificateExpiryDays;
            var files = KeystoreAudit.ByFile(KeystoreAudit.Open(context, KeystoreRole.Identity));
            var failures = new List<string>();
            var warnings = new List<string>();
            var now = DateTime.UtcNow;
            var soonest = DateTime.MaxValue;
            foreach (var file in files)
            {
                foreach (var alias in file.Keys.Select(k => k.Alias))
                {
                    foreach (var cert in file.Store.GetChain(alias))
                    {
                        var notAfter = cert.NotAfter.ToUniversalTime();
                        soonest = notAfter < soonest ? notAfter : soonest;
                        var label = $"{file.Label} '{alias}' ({CertificateFacts.DisplayName(cert.SubjectDN)})";
                        if (notAfter < now || cert.NotBefore.ToUniversalTime() > now)
                        {
                            failures.Add($"{label}: {(notAfter < now ? "expired" : "not valid until")} {(notAfter < now ? notAfter : cert.NotBefore.ToUniversalTime()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
                        }
                        else if (notAfter < now.AddDays(days))
                        {
                            warnings.Add($"{label}: expires {notAfter.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, within {days} days");
                        }
                    }
                }
            }
            var actual = soonest == DateTime.MaxValue ? "no certificate read" : "first expiry " + soonest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return FromFindings(context, $"valid for more than {days} days", files, failures, warnings, actual);
        }
    }

    /// <summary>A trust store that trusts WSO2's public certificate trusts anyone who has its key.</summary>
    public sealed class DefaultCertTrustedCheck : KeystoreCheck
    {
        public override string Id => CheckIds.SecurityDefaultCertTrusted;
        public override string Title => "No trust store trusts WSO2's public default certificate";
        public override CheckSeverity Severity => CheckSeverity.High;
        public override string RemediationText => "Remove WSO2's default entries from the trust stores: Set-CarbonKeystore -RemoveDefaultTrust (or keytool -delete).";

        public override CheckResult Evaluate(CheckContext context)
        {
            var files = KeystoreAudit.ByFile(KeystoreAudit.Open(context, KeystoreRole.Trust));
            var failures = new List<string>();
            foreach (var file in files.Where(f => f.Store != null))
            {
                var defaults = file.Store.Aliases.Where(a => CertificateFacts.IsWso2Default(file.Store.GetCertificate(a))).ToList();
                if (defaults.Count > 0)
                {
                    failures.Add($"{file.Label} trusts WSO2's default certificate as '{string.Join("', '", defaults)}'");
                }
            }
            return FromFindings(context, "WSO2's default certificate in no trust store", files, failures, new List<string>(), $"{files.Count} trust store(s) without it");
        }
    }
}
