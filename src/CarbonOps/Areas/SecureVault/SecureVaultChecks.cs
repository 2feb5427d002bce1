using System.Collections.Generic;
using System.IO;
using System.Linq;
using CarbonOps.Editing;
using CarbonOps.Host;
using CarbonOps.Installation;
using CarbonOps.Remedies;
using CarbonOps.SecureVault;

namespace CarbonOps.Checks.Security
{
    public abstract class SecureVaultCheck : CarbonCheck
    {
        public override string Category => "Security";
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Production Deployment Guidelines: Security checklist (Secure Vault)";
    }

    /// <summary>The guide: secure plain-text passwords in configuration files with Secure Vault.</summary>
    public sealed class PlaintextPasswordCheck : SecureVaultCheck
    {
        public override string Id => CheckIds.SecurityPlaintextPassword;
        public override string Title => "No configuration file holds a password in plain text";
        public override CheckSeverity Severity => CheckSeverity.High;
        public override string RemediationText =>
            "Encrypt them with Protect-CarbonSecret, then give Carbon its keystore password at start-up (Set-CarbonKeystorePassword, or the console prompt).";
        public override string NotRemediableReason =>
            "Protecting passwords changes how Carbon starts (it then needs the keystore password at start-up); run Protect-CarbonSecret. " + RemediationText;

        public override CheckResult Evaluate(CheckContext context)
        {
            var home = context.Home;
            var inventory = SecureVaultFacts.Inventory(context);
            var locations = new List<string>();
            foreach (var slot in inventory.Slots)
            {
                var config = home.Xml(slot.RelativePath);
                if (slot.Select(config).Any(slot.HoldsLiteral))
                {
                    locations.Add($"{slot.Location} ({slot.Alias})");
                }
            }
            if (home.Exists(SecureVaultNames.CipherTextProperties))
            {
                var cipherText = home.Properties(SecureVaultNames.CipherTextProperties);
                locations.AddRange(cipherText.Entries.Where(e => SecureVaultNames.Bracketed(e.Value) != null)
                    .Select(e => $"{SecureVaultNames.CipherTextProperties} [{e.Key}]").Distinct());
            }
            const string expected = "every password a Secure Vault reference";
            var target = home.Path;
            if (locations.Count == 0)
            {
                return Pass(context, expected, $"{inventory.Slots.Count} password location(s), none in plain text", target);
            }
            return Fail(context, expected, $"{locations.Count} in plain text", target,
                "Passwords in plain text at: " + string.Join("; ", locations) + ".");
        }
    }

    /// <summary>At run time Carbon uses an alias's own text as the password when the alias has no entry: the server starts with a wrong password and no error.</summary>
    public sealed class SecureVaultBrokenCheck : SecureVaultCheck
    {
        public override string Id => CheckIds.SecuritySecureVaultBroken;
        public override string Title => "Every svns:secretAlias has an entry in cipher-text.properties that decrypts";
        public override CheckSeverity Severity => CheckSeverity.Critical;
        public override string RemediationText =>
            "Put the password of each listed alias in [brackets] in repository/conf/security/cipher-text.properties and run Protect-CarbonSecret; Test-CarbonSecureVault shows each alias.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var vault = SecureVaultFacts.Vault(context);
            var referenced = vault.Aliases.Where(a => a.Referenced).ToList();
            var target = context.Home.FilePath(SecureVaultNames.CipherTextProperties);
            const string expected = "every referenced alias decrypts";
            if (referenced.Count == 0)
            {
                return Pass(context, expected, "no svns:secretAlias in use", target);
            }
            if (!vault.VaultEnabled)
            {
                return Fail(context, expected, "Secure Vault is off", target,
                    $"{referenced.Count} element(s) use svns:secretAlias ({string.Join(", ", referenced.Select(a => a.Name))}) but secret-conf.properties does not enable the file secret repository, so Carbon reads the element text instead.");
            }
            var bad = referenced.Where(a => a.Status == SecretStatus.Missing || a.Status == SecretStatus.Plaintext || a.Status == SecretStatus.Undecryptable).ToList();
            if (bad.Count > 0)
            {
                return Fail(context, expected, string.Join(", ", bad.Select(a => $"{a.Name}: {a.Status}")), target,
                    string.Join(" ", bad.Select(a => $"'{a.Name}' ({string.Join(", ", a.Locations)}): {a.Message}")));
            }
            var unverified = referenced.Count(a => a.Status == SecretStatus.NotVerified);
            if (unverified > 0)
            {
                return Warn(context, expected, $"{referenced.Count - unverified} of {referenced.Count} verified", target,
                    $"Every referenced alias has an encrypted entry, but decryption was not verified: {vault.KeyProblem}");
            }
            return Pass(context, expected, $"{referenced.Count} alias(es) decrypt", target);
        }
    }

    /// <summary>A persisted start-up password, or one others can read, hands the keystore to whoever reads the file.</summary>
    public sealed class PasswordFileCheck : SecureVaultCheck
    {
        public override string Id => CheckIds.SecurityPasswordFile;
        public override string Title => "No persisted or readable keystore password file in the product home";
        public override CheckSeverity Severity => CheckSeverity.High;
        public override string RemediationText =>
            "Give the password at each start (Set-CarbonKeystorePassword without -Persist writes an owner-only password-tmp that Carbon deletes), and delete password-persist.";

        public override CheckResult Evaluate(CheckContext context)
        {
            var findings = new List<string>();
            foreach (var path in PasswordFiles.Existing(context.Home.Path))
            {
                var name = Path.GetFileName(path);
                if (name == PasswordFiles.PersistName)
                {
                    findings.Add($"{name} keeps the keystore password on disk");
                }
                var status = PosixFile.Stat(path);
                if (status.HasValue && (status.Value.Mode & 0x3f) != 0)
                {
                    findings.Add($"{name} can be read by others than its owner (mode {System.Convert.ToString(status.Value.Mode, 8)})");
                }
            }
            const string expected = "no password-persist; password files owner-only";
            return findings.Count == 0
                ? Pass(context, expected, "no loose password file", context.Home.Path)
                : Fail(context, expected, string.Join("; ", findings), context.Home.Path, string.Join("; ", findings) + ".");
        }
    }
}
