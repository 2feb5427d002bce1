namespace CarbonOps.Installation
{
    /// <summary>Where Carbon 4.2.0 keeps its files, relative to the product home.</summary>
    public static class CarbonPaths
    {
        public const string CarbonXml = "repository/conf/carbon.xml";
        public const string Axis2Xml = "repository/conf/axis2/axis2.xml";
        public const string CatalinaServerXml = "repository/conf/tomcat/catalina-server.xml";
        public const string MasterDatasourcesXml = "repository/conf/datasources/master-datasources.xml";
        public const string UserMgtXml = "repository/conf/user-mgt.xml";
        public const string RegistryXml = "repository/conf/registry.xml";
        public const string Log4jProperties = "repository/conf/log4j.properties";
        public const string ConfigValidationXml = "repository/conf/etc/config-validation.xml";
        public const string JmxXml = "repository/conf/etc/jmx.xml";
        public const string EmbeddedLdapXml = "repository/conf/embedded-ldap.xml";
        public const string ConsoleContextXml = "repository/conf/tomcat/carbon/META-INF/context.xml";
        public const string GlobalContextXml = "repository/conf/context.xml";
        public const string ConsoleWebXml = "repository/conf/tomcat/carbon/WEB-INF/web.xml";
        public const string TomcatWebXml = "repository/conf/tomcat/web.xml";
        public const string DatabaseFolder = "repository/database";
        public const string ComponentsLib = "repository/components/lib";
        public const string WrapperConf = "bin/yajsw/wrapper.conf";
        public const string StartupScriptSh = "bin/wso2server.sh";
        public const string StartupScriptBat = "bin/wso2server.bat";
        /// <summary>The site's wrapper around the launcher (system properties set the guide's way); started instead of the launcher when it exists.</summary>
        public const string SiteWrapperSh = "bin/wso2server-local.sh";
        public const string SiteWrapperBat = "bin/wso2server-local.bat";
        public const string VersionTxt = "bin/version.txt";
        public const string CarbonVersionTxt = "bin/wso2carbon-version.txt";

        /// <summary>The namespace of carbon.xml's elements.</summary>
        public const string CarbonNamespace = "http://wso2.org/projects/carbon/carbon.xml";

        public static readonly string[] StartupScripts = { StartupScriptSh, StartupScriptBat, WrapperConf };
    }
}
