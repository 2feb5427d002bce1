using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using CarbonOps.Checks;
using CarbonOps.Installation;

namespace CarbonOps.Commands
{
    /// <summary>Tab completion of check ids, with each check's title as the tooltip.</summary>
    public sealed class CheckIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? "").Trim('\'', '"');
            return CheckCatalog.All
                .Where(c => c.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(c => new CompletionResult(c.Id, c.Id, CompletionResultType.ParameterValue, c.Title));
        }
    }

    /// <summary>Tab completion of check categories.</summary>
    public sealed class CategoryCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? "").Trim('\'', '"');
            return CheckCatalog.Categories
                .Where(c => c.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(c => new CompletionResult(c, c, CompletionResultType.ParameterValue, c));
        }
    }

    /// <summary>
    /// Tab completion of product homes found on this computer (CARBON_HOME, running Carbon JVMs, install
    /// folders). When none matches what is typed, it completes file paths as PowerShell would.
    /// </summary>
    public sealed class ProductHomeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? "").Trim('\'', '"');
            var homes = InstanceDiscovery.Discover()
                .Where(h => h.Path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(h => new CompletionResult(Quote(h.Path), h.Path, CompletionResultType.ProviderContainer, $"{h.Path} (found by {h.DiscoveredBy})"))
                .ToList();
            return homes.Count > 0 ? homes : CompletionCompleters.CompleteFilename(wordToComplete ?? "");
        }

        private static string Quote(string path) => path.IndexOfAny(new[] { ' ', '\'', '$', '`', '(', ')', '{', '}', ';', '&' }) >= 0 ? "'" + path.Replace("'", "''") + "'" : path;
    }
}
