using System.Linq;
using System.Xml.Linq;

namespace CarbonOps.Installation
{
    /// <summary>The names Carbon 4.2.0's Secure Vault and WSO2's cipher tool use.</summary>
    public static class SecureVaultNames
    {
        public const string Namespace = "http://org.wso2.securevault/configuration";
        public const string Prefix = "svns";
        public const string AliasAttribute = "secretAlias";
        /// <summary>The text the cipher tool leaves in a protected element.</summary>
        public const string ProtectedText = "password";

        public const string CipherTextProperties = "repository/conf/security/cipher-text.properties";
        public const string CipherToolProperties = "repository/conf/security/cipher-tool.properties";
        public const string SecretConfProperties = "repository/conf/security/secret-conf.properties";

        public const string SecretManagerHandler = "org.wso2.securevault.secret.handler.SecretManagerSecretCallbackHandler";
        public const string FileRepositoryProvider = "org.wso2.securevault.secret.repository.FileBaseSecretRepositoryProvider";
        /// <summary>Reads the keystore password from password-tmp / password-persist, or prompts.</summary>
        public const string CarbonDefaultHandler = "org.wso2.carbon.securevault.DefaultSecretCallbackHandler";

        /// <summary>The svns:secretAlias of an element (any prefix bound to the Secure Vault namespace), or null.</summary>
        public static string AliasOf(XElement element) =>
            element.Attributes().FirstOrDefault(a => a.Name.LocalName == AliasAttribute && a.Name.NamespaceName == Namespace)?.Value.Trim();

        /// <summary>The prefix the document already binds to the Secure Vault namespace on its root, or null.</summary>
        public static string DeclaredPrefix(XElement root) =>
            root.Attributes().FirstOrDefault(a => a.IsNamespaceDeclaration && a.Value == Namespace && a.Name.Namespace == XNamespace.Xmlns)?.Name.LocalName;

        /// <summary>The plain text of a cipher-text.properties value written as [plain text], as the cipher tool reads it; else null.</summary>
        public static string Bracketed(string value)
        {
            if (value == null)
            {
                return null;
            }
            var open = value.IndexOf('[');
            var close = value.IndexOf(']');
            return open >= 0 && close > open ? value.Substring(open + 1, close - open - 1) : null;
        }
    }
}
