using CarbonOps.Changes;
using CarbonOps.Installation;
using CarbonOps.Remedies;

namespace CarbonOps.Checks.Product
{
    /// <summary>carbon.xml Axis2Config/HideAdminServiceWSDLs must be true: admin service WSDLs describe every management operation.</summary>
    public sealed class AdminServiceWsdlsCheck : CarbonCheck
    {
        public override string Id => CheckIds.SecurityAdminServiceWsdls;
        public override string Title => "Admin service WSDLs are hidden (HideAdminServiceWSDLs)";
        public override string Category => "Security";
        public override CheckSeverity Severity => CheckSeverity.Medium;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Security guidelines for production deployment: hide admin service WSDLs";
        public override string RemediationText => "Set Axis2Config/HideAdminServiceWSDLs to true in repository/conf/carbon.xml.";
        public override bool CanRemediate => true;

        public override CheckResult Evaluate(CheckContext context)
        {
            var carbon = context.Home.Xml(CarbonPaths.CarbonXml);
            var value = carbon.Value("Axis2Config/HideAdminServiceWSDLs");
            const string expected = "HideAdminServiceWSDLs true";
            if (string.Equals(value, "true", System.StringComparison.OrdinalIgnoreCase))
            {
                return Pass(context, expected, "true", carbon.Path);
            }
            return Fail(context, expected, value ?? "(not set: shown)", carbon.Path,
                "Anyone who can reach the server can read the WSDL of every admin service (?wsdl), a map of the management API.");
        }

        public override void Remediate(RemediationContext context)
        {
            var carbon = context.Xml(CarbonPaths.CarbonXml);
            if (carbon.SelectSingle("Axis2Config") == null)
            {
                throw RemedyXml.Missing(carbon, "Axis2Config element");
            }
            RemedyXml.EnsureChildText(context, carbon, () => carbon.SelectSingle("Axis2Config"), "HideAdminServiceWSDLs", null, "true",
                "Axis2Config/HideAdminServiceWSDLs", "<HideAdminServiceWSDLs>true</HideAdminServiceWSDLs>");
        }
    }

    /// <summary>carbon.xml Axis2Config/HttpAdminServices must stay absent or commented out: it offers admin services over plain HTTP.</summary>
    public sealed class HttpAdminServicesCheck : CarbonCheck
    {
        public override string Id => CheckIds.SecurityHttpAdminServices;
        public override string Title => "Admin services are not offered over plain HTTP (HttpAdminServices)";
        public override string Category => "Security";
        public override CheckSeverity Severity => CheckSeverity.High;
        public override CheckScope Scope => CheckScope.Product;
        public override string Reference => "Security guidelines for production deployment: admin services over HTTPS only";
        public override string RemediationText => "Comment out Axis2Config/HttpAdminServices in repository/conf/carbon.xml.";
        public override bool CanRemediate => true;

        public override CheckResult Evaluate(CheckContext context)
        {
            var carbon = context.Home.Xml(CarbonPaths.CarbonXml);
            var element = carbon.SelectSingle("Axis2Config/HttpAdminServices");
            const string expected = "HttpAdminServices absent or commented out";
            if (element == null)
            {
                return Pass(context, expected, "absent", carbon.Path);
            }
            return Fail(context, expected, $"HttpAdminServices {element.Value.Trim()} (line {carbon.LineOf(element)})", carbon.Path,
                "Admin services answer over plain HTTP: credentials and data cross the network unencrypted.");
        }

        public override void Remediate(RemediationContext context)
        {
            var carbon = context.Xml(CarbonPaths.CarbonXml);
            var element = carbon.SelectSingle("Axis2Config/HttpAdminServices");
            if (element == null)
            {
                context.Record(carbon.Path, "Axis2Config/HttpAdminServices", null, null);
                return;
            }
            context.Record(carbon.Path, "Axis2Config/HttpAdminServices (commented out)", element.Value.Trim(), null);
            try
            {
                carbon.CommentOut(element);
            }
            catch (System.InvalidOperationException)
            {
                carbon.RemoveElement(element);
            }
        }
    }
}
