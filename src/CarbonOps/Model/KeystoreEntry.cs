using System;

namespace CarbonOps
{
    /// <summary>One entry of a keystore: a private key with its certificate chain, or a trusted certificate.</summary>
    public sealed class KeystoreEntry
    {
        internal KeystoreEntry(string path, string storeType, string alias, string entryType, string subject, string issuer,
            string serialNumber, DateTime notBefore, DateTime notAfter, string keyAlgorithm, int keySize, string signatureAlgorithm,
            string[] dnsNames, string sha1Fingerprint, string sha256Fingerprint, int chainLength, bool isWso2Default, string computerName)
        {
            Path = path;
            StoreType = storeType;
            Alias = alias;
            EntryType = entryType;
            Subject = subject;
            Issuer = issuer;
            SerialNumber = serialNumber;
            NotBefore = notBefore;
            NotAfter = notAfter;
            KeyAlgorithm = keyAlgorithm;
            KeySize = keySize;
            SignatureAlgorithm = signatureAlgorithm;
            DnsNames = dnsNames;
            Sha1Fingerprint = sha1Fingerprint;
            Sha256Fingerprint = sha256Fingerprint;
            ChainLength = chainLength;
            IsWso2Default = isWso2Default;
            ComputerName = computerName;
        }

        /// <summary>The keystore file.</summary>
        public string Path { get; }
        /// <summary>JKS or PKCS#12.</summary>
        public string StoreType { get; }
        public string Alias { get; }
        /// <summary>PrivateKey or TrustedCertificate.</summary>
        public string EntryType { get; }
        public string Subject { get; }
        public string Issuer { get; }
        public string SerialNumber { get; }
        public DateTime NotBefore { get; }
        public DateTime NotAfter { get; }
        public string KeyAlgorithm { get; }
        public int KeySize { get; }
        public string SignatureAlgorithm { get; }
        public string[] DnsNames { get; }
        public string Sha1Fingerprint { get; }
        public string Sha256Fingerprint { get; }
        /// <summary>Certificates in the key entry's chain (1 for a self-signed key or a trusted certificate).</summary>
        public int ChainLength { get; }
        /// <summary>True for WSO2's public demo certificate.</summary>
        public bool IsWso2Default { get; }
        public string ComputerName { get; }
    }
}
