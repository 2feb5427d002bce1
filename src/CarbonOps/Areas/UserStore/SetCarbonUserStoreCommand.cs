using System.Management.Automation;
using System.Security;
using CarbonOps.Changes;
using CarbonOps.Checks;
using CarbonOps.Installation;
using CarbonOps.Remedies;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.Set, "CarbonUserStore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(ChangeResult))]
    public sealed class SetCarbonUserStoreCommand : HomeChangeCmdlet
    {
        private UserStoreSettings settings;

        [Parameter(Mandatory = true)]
        [ValidateSet(UserStoreTypes.ReadWriteLdap, UserStoreTypes.ReadOnlyLdap, UserStoreTypes.ActiveDirectory, UserStoreTypes.Jdbc)]
        public string Type { get; set; }

        /// <summary>ldap://host:port or ldaps://host:port; for Jdbc a JDBC URL.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string ConnectionUrl { get; set; }

        /// <summary>The bind DN (ConnectionName) or database user, and its password.</summary>
        [Parameter(Mandatory = true)]
        [Credential]
        [ValidateNotNull]
        public PSCredential Credential { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string UserSearchBase { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string GroupSearchBase { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string UserNameAttribute { get; set; }

        /// <summary>The JDBC driver class, where the URL does not name a known one.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string DriverName { get; set; }

        /// <summary>The primary keystore's password: needed when Secure Vault is on, to encrypt the connection password.</summary>
        [Parameter]
        public SecureString KeystorePassword { get; set; }

        protected override void Validate()
        {
            settings = new UserStoreSettings
            {
                Type = Type,
                ConnectionUrl = ConnectionUrl,
                Credential = Credential.GetNetworkCredential(),
                UserSearchBase = UserSearchBase,
                GroupSearchBase = GroupSearchBase,
                UserNameAttribute = UserNameAttribute,
                DriverName = DriverName,
                KeystorePassword = KeystorePassword == null ? null : SecretText.ToPlain(KeystorePassword),
            };
            foreach (var warning in UserStorePlan.Validate(settings))
            {
                WriteWarning(warning);
            }
        }

        protected override Remedy CreateRemedy() => new Remedy(UserStorePlan.CheckId, c => UserStorePlan.Apply(c, settings), highImpact: true);
    }
}
