using System.Security;

namespace CarbonOps
{
    public enum SecretStatus { Decrypts, NotVerified, Plaintext, Missing, Undecryptable }

    /// <summary>One Secure Vault alias of a product home: where it is used and whether its value decrypts. Never the value.</summary>
    public sealed class SecureVaultEntry
    {
        internal SecureVaultEntry(string productHome, string alias, SecretStatus status, bool referenced, string[] locations, string message, string computerName)
        {
            ProductHome = productHome;
            Alias = alias;
            Status = status;
            Referenced = referenced;
            Locations = locations;
            Message = message;
            ComputerName = computerName;
        }

        public string ProductHome { get; }
        public string Alias { get; }
        /// <summary>Decrypts; NotVerified (no key password given); Plaintext ([brackets], not encrypted); Missing (no entry); Undecryptable.</summary>
        public SecretStatus Status { get; }
        /// <summary>True when some configuration element refers to the alias with svns:secretAlias.</summary>
        public bool Referenced { get; }
        /// <summary>"repository/conf/carbon.xml line 92" for each referring element.</summary>
        public string[] Locations { get; }
        public string Message { get; }
        public string ComputerName { get; }
    }

    /// <summary>A decrypted Secure Vault value. PlainText is set only when asked for with -AsPlainText.</summary>
    public sealed class SecretValue
    {
        internal SecretValue(string productHome, string alias, SecureString secret, string plainText, string computerName)
        {
            ProductHome = productHome;
            Alias = alias;
            Secret = secret;
            PlainText = plainText;
            ComputerName = computerName;
        }

        public string ProductHome { get; }
        public string Alias { get; }
        public SecureString Secret { get; }
        public string PlainText { get; }
        public string ComputerName { get; }
    }
}
