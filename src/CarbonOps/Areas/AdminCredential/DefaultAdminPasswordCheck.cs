using System.Linq;
using CarbonOps.Changes;
using CarbonOps.Installation;
using CarbonOps.Remedies;

namespace CarbonOps.Checks.Product
{
    /// <summary>
    /// The admin user of user-mgt.xml still has the shipped password. Carbon writes it into the user store
    /// on the first start; after that, only the management console changes it.
    /// </summary>
    public sealed class DefaultAdminPasswordCheck : CarbonCheck
    {
        public override string Id => AdminCredentialRemedy.CheckId;
        public override string Title => "The admin user does not have the default password";
        public override string Category => "Security";
        public override CheckSeverity Severity => CheckSeverity.Critical;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Security guidelines for production deployment: change the default admin credentials";
        public override string RemediationText =>
            "Before the first start: Set-CarbonAdminCredential (or Invoke-CarbonHardening -AdminCredential) writes a new admin user and password " +
            "into repository/conf/user-mgt.xml. After the first start: change the password in the management console.";
        public override bool CanRemediate => true;

        public override CheckResult Evaluate(CheckContext context)
        {
            var config = context.Home.Xml(CarbonPaths.UserMgtXml);
            var admin = config.SelectSingle("Realm/Configuration/AdminUser");
            const string expected = "an admin password other than the default";
            var target = config.Path + " (Realm/Configuration/AdminUser)";
            if (admin == null)
            {
                return Skip(context, config.Path, $"{config.Path} has no Realm/Configuration/AdminUser.");
            }
            var user = admin.Elements().FirstOrDefault(e => e.Name.LocalName == "UserName")?.Value.Trim();
            var password = admin.Elements().FirstOrDefault(e => e.Name.LocalName == "Password");
            if (password != null && password.Attributes().Any(a => a.Name.LocalName == "secretAlias"))
            {
                return Pass(context, expected, "the password comes from Secure Vault", target,
                    "The admin password is a Secure Vault alias; its value is checked with the keystore and Secure Vault checks.");
            }
            if (password?.Value != AdminCredentialRemedy.DefaultPassword)
            {
                return Pass(context, expected, $"user '{user}', password changed", target);
            }
            var actual = $"user '{user}' with the default password";
            var line = config.LineOf(password ?? admin);
            var store = UserStoreInfo.Read(context.Home);
            if (store.FirstStartEvidence == null)
            {
                return Fail(context, expected, actual, target,
                    $"The admin user '{user}' still has the default password. The server has not started yet, so setting it in user-mgt.xml takes effect on the first start.").AtLine(line);
            }
            var failed = Fail(context, expected, actual + " in user-mgt.xml", target,
                $"user-mgt.xml still holds the default password, but the server has already started ({store.FirstStartEvidence}): the admin user lives in " +
                "the user store now, so editing user-mgt.xml would not change its password. Check the real password in the management console and change it there.");
            return new CheckResult(failed.CheckId, failed.Title, failed.Category, failed.Severity, failed.Outcome, failed.Expected, failed.Actual,
                failed.Message, "Change the admin password in the management console (Configure > Users and Roles).", false,
                failed.Target, failed.ProductHome, failed.ComputerName, failed.Reference).AtLine(line);
        }

        public override void Remediate(RemediationContext context) => AdminCredentialRemedy.Apply(context, context.Options.AdminCredential?.GetNetworkCredential());
    }
}
