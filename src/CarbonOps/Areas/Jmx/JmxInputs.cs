namespace CarbonOps.Changes
{
    /// <summary>Security.Jmx's value (see RemedyInputAttribute for what is made from it).</summary>
    public sealed partial class RemediationOptions
    {
        [RemedyInput(CheckIds.SecurityJmx, "Turns the JMX RMI server off in repository/conf/etc/jmx.xml. JMX is only reported unless this is given.")]
        public bool DisableJmx { get; set; }
    }
}
