using System;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Installation;

namespace CarbonOps.Remedies
{
    /// <summary>
    /// Writes the admin user name and password into user-mgt.xml. Carbon copies them into the user store
    /// on the first start only, so the edit is refused once the server has started: it would change
    /// nothing but the file.
    /// </summary>
    public static class AdminCredentialRemedy
    {
        public const string CheckId = CheckIds.SecurityDefaultAdminPassword;
        public const string DefaultPassword = "admin";

        public static void Apply(RemediationContext context, NetworkCredential credential)
        {
            if (credential == null)
            {
                throw new RemediationValueMissingException("AdminCredential");
            }
            var config = context.Xml(CarbonPaths.UserMgtXml);
            Validate(credential);
            var store = UserStoreInfo.Read(context.Home);
            if (store.FirstStartEvidence != null)
            {
                throw new CarbonOpsException(ErrorIds.AdminPasswordInUserStore,
                    $"The server has already started ({store.FirstStartEvidence}): the admin user lives in the user store, and editing " +
                    "user-mgt.xml would not change its password. Change it in the management console (Configure > Users and Roles) instead.",
                    config.Path);
            }
            var password = config.SelectSingle("Realm/Configuration/AdminUser/Password") ?? throw RemedyXml.Missing(config, "Realm/Configuration/AdminUser/Password");
            if (password.Attributes().Any(a => a.Name.LocalName == "secretAlias"))
            {
                throw new CarbonOpsException(ErrorIds.SecretInSecureVault,
                    $"The admin password in '{config.Path}' comes from Secure Vault (svns:secretAlias); change it in cipher-text.properties with the cipher tool.", config.Path);
            }
            CheckPasswordPolicy(config, credential);
            RemedyXml.EnsureChildText(context, config, () => config.SelectSingle("Realm/Configuration/AdminUser"), "UserName", null,
                credential.UserName, "AdminUser/UserName", null);
            RemedyXml.EnsureChildText(context, config, () => config.SelectSingle("Realm/Configuration/AdminUser"), "Password", null,
                credential.Password, "AdminUser/Password", null, secret: true);
        }

        /// <summary>Refuses an empty user name and a password that is empty, the default or the user name.</summary>
        public static void Validate(NetworkCredential credential)
        {
            if (string.IsNullOrWhiteSpace(credential.UserName) || credential.UserName.Trim() != credential.UserName)
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, "The admin user name must not be empty or start or end with a space.");
            }
            if (string.IsNullOrEmpty(credential.Password) || credential.Password == DefaultPassword || credential.Password == credential.UserName)
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, "The new admin password must not be empty, the default, or the user name.");
            }
            if (credential.Password.Trim() != credential.Password)
            {
                // XML readers and Carbon trim element text: such a password would not be the one written.
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid, "The new admin password must not start or end with white space.");
            }
        }

        /// <summary>The active user store's PasswordJavaRegEx: Carbon refuses to create an admin whose password does not match it.</summary>
        private static void CheckPasswordPolicy(Editing.XmlConfig config, NetworkCredential credential)
        {
            var manager = RemedyXml.Child(config.SelectSingle("Realm"), "UserStoreManager");
            var pattern = RemedyXml.Child(manager, "Property", RemedyXml.NameIs("PasswordJavaRegEx"))?.Value.Trim();
            if (string.IsNullOrEmpty(pattern))
            {
                return;
            }
            Regex regex;
            try
            {
                regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException)
            {
                return;
            }
            if (!regex.IsMatch(credential.Password))
            {
                throw new CarbonOpsException(ErrorIds.ParameterValueInvalid,
                    $"The new admin password does not match the user store's PasswordJavaRegEx ({pattern}) in '{config.Path}'.", config.Path);
            }
        }
    }
}
