using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace CarbonOps.Tests.Support
{
    /// <summary>
    /// A host that records every prompt and line written to it and answers prompts with a chosen label
    /// ("Yes", "No", "Yes to All"...), so that confirmation behaviour can be asserted.
    /// </summary>
    public sealed class RecordingHost : PSHost
    {
        private readonly Guid id = Guid.NewGuid();
        private readonly RecordingUI ui;

        public RecordingHost(string answer = "Yes")
        {
            ui = new RecordingUI(answer);
        }

        public List<string> Prompts => ui.Prompts;
        public List<string> Lines => ui.Lines;

        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;
        public override Guid InstanceId => id;
        public override string Name => "RecordingHost";
        public override PSHostUserInterface UI => ui;
        public override Version Version => new Version(1, 0);
        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();
        public override void NotifyBeginApplication() { }
        public override void NotifyEndApplication() { }
        public override void SetShouldExit(int exitCode) { }

        private sealed class RecordingUI : PSHostUserInterface
        {
            private readonly string answer;

            public RecordingUI(string answer)
            {
                this.answer = answer;
            }

            public List<string> Prompts { get; } = new List<string>();
            public List<string> Lines { get; } = new List<string>();

            public override PSHostRawUserInterface RawUI => null;

            public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
            {
                Prompts.Add(caption + ": " + message);
                for (var i = 0; i < choices.Count; i++)
                {
                    if (choices[i].Label.Replace("&", "") == answer)
                    {
                        return i;
                    }
                }
                throw new InvalidOperationException("No choice labelled " + answer);
            }

            public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();
            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();
            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();
            public override string ReadLine() => throw new NotSupportedException();
            public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();
            public override void Write(string value) => Lines.Add(value);
            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Lines.Add(value);
            public override void WriteLine(string value) => Lines.Add(value);
            public override void WriteErrorLine(string value) => Lines.Add(value);
            public override void WriteDebugLine(string message) => Lines.Add(message);
            public override void WriteProgress(long sourceId, ProgressRecord record) { }
            public override void WriteVerboseLine(string message) => Lines.Add(message);
            public override void WriteWarningLine(string message) => Lines.Add(message);
        }
    }
}
