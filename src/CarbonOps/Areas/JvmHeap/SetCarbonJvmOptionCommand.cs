using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CarbonOps.Changes;
using CarbonOps.Host;
using CarbonOps.Installation;
using CarbonOps.Remedies;

namespace CarbonOps.Commands
{
    [Cmdlet(VerbsCommon.Set, "CarbonJvmOption", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [Alias("Set-CarbonJvmOptions")]
    [OutputType(typeof(ChangeResult))]
    public sealed partial class SetCarbonJvmOptionCommand : HomeChangeCmdlet
    {
        // -InitialHeap, -MaxHeap and -MaxPermSize are declared in JvmHeapInputs.cs.
        private readonly List<long> maxHeapsMb = new List<long>();
        private JvmOptionRequest request;
        private Dictionary<string, string> properties;
        private bool warnedRam;

        [Parameter]
        public string MaxMetaspaceSize { get; set; }

        /// <summary>Java system properties for the site's wrapper scripts; a $null value removes one.</summary>
        [Parameter]
        public Hashtable SystemProperty { get; set; }

        protected override void BeginProcessing()
        {
            var sizes = new Dictionary<string, string>
            {
                [nameof(InitialHeap)] = InitialHeap, [nameof(MaxHeap)] = MaxHeap,
                [nameof(MaxPermSize)] = MaxPermSize, [nameof(MaxMetaspaceSize)] = MaxMetaspaceSize,
            };
            base.BeginProcessing();   // the declared inputs' validators
            if (MaxMetaspaceSize != null && !JvmSize.IsValid(MaxMetaspaceSize))
            {
                ThrowParameterError($"-{nameof(MaxMetaspaceSize)} '{MaxMetaspaceSize}' is not a JVM size: write a number with k, m or g (512m, 2g).", MaxMetaspaceSize);
            }
            if (JvmSize.TryParseBytes(InitialHeap, out var initial) && JvmSize.TryParseBytes(MaxHeap, out var max) && initial > max)
            {
                ThrowParameterError($"-InitialHeap {InitialHeap} is larger than -MaxHeap {MaxHeap}; the JVM would not start.", InitialHeap);
            }
            if (sizes.Values.Any(v => v != null))
            {
                request = new JvmOptionRequest { InitialHeap = InitialHeap, MaxHeap = MaxHeap, MaxPermSize = MaxPermSize, MaxMetaspaceSize = MaxMetaspaceSize };
            }
            if (SystemProperty != null)
            {
                properties = new Dictionary<string, string>();
                foreach (DictionaryEntry entry in SystemProperty)
                {
                    var name = entry.Key?.ToString();
                    try
                    {
                        SystemPropertyWrapper.ValidateName(name);
                    }
                    catch (CarbonOpsException ex)
                    {
                        ThrowParameterError(ex.Message, name);
                    }
                    properties[name] = entry.Value == null ? null : LanguagePrimitives.ConvertTo<string>(entry.Value);
                }
            }
            if (request == null && (properties == null || properties.Count == 0))
            {
                ThrowParameterError("Give at least one of -InitialHeap, -MaxHeap, -MaxPermSize, -MaxMetaspaceSize or -SystemProperty.", null);
            }
            if (MaxPermSize != null)
            {
                WriteWarning("-XX:MaxPermSize is for Java 6 and 7, the JDKs of Carbon 4.2.0. Java 8 ignores it (it has Metaspace: -MaxMetaspaceSize), and Java 17 and later refuse to start with it.");
            }
        }

        protected override IEnumerable<Remedy> CreateRemedies(CarbonHome home) => JvmOptionRemedy.For(home, request, properties);

        protected override void AfterHome(CarbonHome home, IReadOnlyList<ChangeResult> results) => WarnAboutMemory(home);

        /// <summary>The guide: the heaps (-Xmx) of the instances on a host plus 2 GB for the OS must fit in its RAM.</summary>
        private void WarnAboutMemory(CarbonHome home)
        {
            maxHeapsMb.Add(JvmMemoryBudget.MaxHeapMb(home.Path));
            var message = JvmMemoryBudget.Check(maxHeapsMb, HostProbe.Current.MemoryTotalBytes);
            if (message != null && !warnedRam)
            {
                warnedRam = true;
                WriteWarning(message);
            }
        }
    }
}
