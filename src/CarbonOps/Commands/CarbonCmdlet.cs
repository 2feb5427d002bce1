using System;
using System.Collections.Generic;
using System.Management.Automation;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    /// <summary>What every CarbonOps cmdlet shares: resolving paths and turning core failures into error records.</summary>
    public abstract class CarbonCmdlet : PSCmdlet
    {
        private static readonly Dictionary<string, ErrorCategory> Categories = new Dictionary<string, ErrorCategory>
        {
            [ErrorIds.ProductHomeNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.ProductHomeLocked] = ErrorCategory.ResourceBusy,
            [ErrorIds.ConfigFileNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.ConfigFileMalformed] = ErrorCategory.ParserError,
            [ErrorIds.ConfigFileNotWritable] = ErrorCategory.WriteError,
            [ErrorIds.ConfigElementNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.StartupScriptNotRecognised] = ErrorCategory.InvalidData,
            [ErrorIds.CheckNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.CheckFailed] = ErrorCategory.OperationStopped,
            [ErrorIds.RemediationFailed] = ErrorCategory.WriteError,
            [ErrorIds.ParameterValueInvalid] = ErrorCategory.InvalidArgument,
            [ErrorIds.BackupSetNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.BackupSetCorrupt] = ErrorCategory.InvalidData,
            [ErrorIds.RestoreFailed] = ErrorCategory.WriteError,
            [ErrorIds.TlsProtocolNotSupported] = ErrorCategory.InvalidArgument,
            [ErrorIds.JavaHomeNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.SecretInSecureVault] = ErrorCategory.InvalidOperation,
            [ErrorIds.AdminPasswordInUserStore] = ErrorCategory.InvalidOperation,
            [ErrorIds.StartupScriptNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.StartupScriptNotExecutable] = ErrorCategory.PermissionDenied,
            [ErrorIds.StartupScriptFailed] = ErrorCategory.OperationStopped,
            [ErrorIds.ServerStartAsRootRefused] = ErrorCategory.SecurityError,
            [ErrorIds.ServerStartFailed] = ErrorCategory.OperationStopped,
            [ErrorIds.ServerStartTimeout] = ErrorCategory.OperationTimeout,
            [ErrorIds.ServerStopTimeout] = ErrorCategory.OperationTimeout,
            [ErrorIds.ServerControlNotSupported] = ErrorCategory.NotImplemented,
            [ErrorIds.LogFileNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.LogFileUnreadable] = ErrorCategory.ReadError,
            [ErrorIds.LogFormatNotRecognised] = ErrorCategory.ParserError,
            [ErrorIds.UserNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.GroupNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.WaiverFileNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.WaiverFileMalformed] = ErrorCategory.ParserError,
            [ErrorIds.ReportFolderNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.ReportNotWritable] = ErrorCategory.WriteError,
            [ErrorIds.ReportInputEmpty] = ErrorCategory.InvalidData,
            [ErrorIds.ReportInputInvalid] = ErrorCategory.InvalidType,
            [ErrorIds.KeystoreNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.KeystoreCorrupt] = ErrorCategory.InvalidData,
            [ErrorIds.KeystorePasswordIncorrect] = ErrorCategory.AuthenticationError,
            [ErrorIds.KeystorePasswordRequired] = ErrorCategory.AuthenticationError,
            [ErrorIds.KeystoreTypeMismatch] = ErrorCategory.InvalidData,
            [ErrorIds.KeystoreKeyNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.KeystoreFileExists] = ErrorCategory.ResourceExists,
            [ErrorIds.CertificateInvalid] = ErrorCategory.InvalidData,
            [ErrorIds.SecretAliasNotFound] = ErrorCategory.ObjectNotFound,
            [ErrorIds.SecureVaultBroken] = ErrorCategory.InvalidData,
            [ErrorIds.SecureVaultConfigured] = ErrorCategory.InvalidOperation,
        };

        protected string ComputerName => Environment.MachineName;

        /// <summary>A PowerShell path (relative, ~, PSDrive) as a file system path; not required to exist.</summary>
        protected string ResolvePath(string path) => GetUnresolvedProviderPathFromPSPath(path);

        /// <summary>Opens a product home, or writes ProductHomeNotFound and returns null so the next one goes on.</summary>
        protected CarbonHome OpenHome(string path)
        {
            try
            {
                return CarbonHome.Open(ResolvePath(path));
            }
            catch (CarbonOpsException ex)
            {
                WriteCarbonError(ex, path);
                return null;
            }
        }

        /// <summary>
        /// Opens each home and runs the work on it. A home that does not open, or whose work fails with a
        /// CarbonOpsException, is written as that home's error, and the next home goes on.
        /// </summary>
        protected void ForEachHome(IEnumerable<string> paths, Action<CarbonHome> work)
        {
            foreach (var path in paths)
            {
                var home = OpenHome(path);
                if (home == null)
                {
                    continue;
                }
                try
                {
                    work(home);
                }
                catch (CarbonOpsException ex)
                {
                    WriteCarbonError(ex, path);
                }
            }
        }

        protected void WriteCarbonError(CarbonOpsException ex, object target) => WriteError(ToErrorRecord(ex, target));

        protected static ErrorRecord ToErrorRecord(CarbonOpsException ex, object target)
        {
            var category = Categories.TryGetValue(ex.ErrorId, out var c) ? c : ErrorCategory.NotSpecified;
            return new ErrorRecord(ex, ex.ErrorId, category, target ?? ex.TargetPath);
        }

        /// <summary>
        /// Checks the values of the remedy inputs this cmdlet takes with their declared validators; written at build time
        /// for each cmdlet with such parameters (see RemedyInputAttribute.Validator). Throws CarbonOpsException.
        /// </summary>
        protected virtual void ValidateInputs()
        {
        }

        protected void ThrowParameterError(string message, object target)
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), ErrorIds.ParameterValueInvalid, ErrorCategory.InvalidArgument, target));
        }
    }
}
