using System;
using System.IO;
using System.Linq;
using CarbonOps.Editing;
using CarbonOps.Installation;
using CarbonOps.SecureVault;
using CarbonOps.Tests.Support;
using Xunit;

namespace CarbonOps.Tests.SecureVault
{
    public class VaultXPathTests
    {
        private static System.Xml.Linq.XDocument Sample(string relative) => SafeXml.Parse(File.ReadAllText(Path.Combine(TestPaths.SampleHome, relative)), relative);

        [Fact]
        public void TheStockMappingsSelectTheirElementsDespiteCarbonXmlsNamespace()
        {
            var carbon = Sample(CarbonPaths.CarbonXml);
            var keyPassword = Assert.Single(VaultXPath.Parse("//Server/Security/KeyStore/KeyPassword").Select(carbon));
            Assert.Equal("KeyPassword", keyPassword.Name.LocalName);
            Assert.Equal("KeyStore", keyPassword.Parent.Name.LocalName);

            var axis2 = Sample(CarbonPaths.Axis2Xml);
            var sender = Assert.Single(VaultXPath.Parse("//axisconfig/transportSender[@name='https']/parameter[@name='keystore']/KeyStore/Password").Select(axis2));
            Assert.Equal("https", (string)sender.Parent.Parent.Parent.Attribute("name"));
            Assert.Empty(VaultXPath.Parse("//axisconfig/transportSender[@name='mailto']/parameter[@name='mail.smtp.password']").Select(axis2));

            var datasources = Sample(CarbonPaths.MasterDatasourcesXml);
            Assert.Single(VaultXPath.Parse("//datasources-configuration/datasources/datasource[name='WSO2_CARBON_DB']/definition[@type='RDBMS']/configuration/password").Select(datasources));
            Assert.Empty(VaultXPath.Parse("//datasources-configuration/datasources/datasource[name='OTHER']/definition/configuration/password").Select(datasources));
            Assert.Single(VaultXPath.Parse("/datasources-configuration/datasources/datasource[1]/*[@type]").Select(datasources));
        }

        [Theory]
        [InlineData("//Server/Security/KeyStore[@name=")]
        [InlineData("//Server//KeyStore")]
        [InlineData("//Server/Security/KeyStore[@name='x'")]
        [InlineData("//Server/Security/KeyStore[name=x]")]
        [InlineData("")]
        public void WhatIsNotUnderstoodIsRefused(string xpath) => Assert.Throws<FormatException>(() => VaultXPath.Parse(xpath));

        [Fact]
        public void TheAliasFollowsTheElementAsCarbon420sMappingSaysAndMissingPlacesGetDefaultAliases()
        {
            var inventory = SecretInventory.Build(CarbonHome.Open(TestPaths.SampleHome));
            var byLocation = inventory.Slots.ToDictionary(s => s.Location, s => s);
            Assert.Equal("Carbon.Security.KeyStore.KeyPassword", byLocation["repository/conf/carbon.xml//Server/Security/KeyStore/Password"].Alias);
            Assert.Equal("Carbon.Security.KeyStore.Password", byLocation["repository/conf/carbon.xml//Server/Security/KeyStore/KeyPassword"].Alias);
            var registry = byLocation["repository/conf/carbon.xml//Server/Security/RegistryKeyStore/Password"];
            Assert.Equal("Carbon.Security.RegistryKeyStore.Password", registry.Alias);
            Assert.Null(registry.Mapping);
            Assert.NotNull(byLocation["repository/conf/axis2/axis2.xml//axisconfig/transportReceiver[@name='https']/parameter[@name='keystore']/KeyStore/Password"].Mapping);
            Assert.Equal(13, inventory.Slots.Count);
            Assert.Equal(5, inventory.ListedAliases.Count);
        }

        [CorpusTheory]
        [MemberData(nameof(CorpusData.Homes), MemberType = typeof(CorpusData))]
        public void EveryCorpusHomeHasItsKeystoreAndDatasourcePasswordsInTheInventory(string relative)
        {
            var home = CarbonHome.Open(TestPaths.CorpusPath(relative));
            var inventory = SecretInventory.Build(home);
            Assert.Empty(inventory.BrokenMappings);
            Assert.Contains(inventory.Slots, s => s.Alias == "Carbon.Security.KeyStore.KeyPassword" && s.XPath.Text.EndsWith("KeyStore/Password", StringComparison.Ordinal));
            Assert.Contains(inventory.Slots, s => s.Alias == "UserManager.AdminUser.Password");
            var datasources = home.Xml(CarbonPaths.MasterDatasourcesXml).Select("datasources/datasource").Count();
            Assert.Equal(datasources, inventory.Slots.Count(s => s.RelativePath == CarbonPaths.MasterDatasourcesXml));
        }
    }
}
