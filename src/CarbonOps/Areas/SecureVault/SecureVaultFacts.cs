using CarbonOps.SecureVault;

namespace CarbonOps.Checks.Security
{
    /// <summary>
    /// A home's Secure Vault as the checks of one audit call read it, made once per home and shared through the
    /// call's facts: the password places (Security.PlaintextPassword) and the aliases with their decryption
    /// (Security.SecureVaultBroken and the online checks, which take their passwords from it).
    /// </summary>
    internal static class SecureVaultFacts
    {
        public static SecretInventory Inventory(CheckContext context) =>
            context.Facts.Shared(nameof(Inventory) + ":" + context.Home.Path, () => SecretInventory.Build(context.Home));

        /// <summary>Read with the call's -KeystorePassword, which is the same for every check of the call.</summary>
        public static VaultVerifier Vault(CheckContext context) =>
            context.Facts.Shared(nameof(Vault) + ":" + context.Home.Path,
                () => VaultVerifier.Inspect(context.Home, SecretText.ToPlain(context.Options.KeystorePassword)));
    }
}
