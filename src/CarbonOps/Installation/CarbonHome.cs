using System;
using System.Collections.Generic;
using System.IO;
using CarbonOps.Editing;

namespace CarbonOps.Installation
{
    /// <summary>
    /// A product home being read. Files are loaded on first use and kept for the life of the
    /// object, so the checks of one run parse each file once.
    /// </summary>
    public sealed class CarbonHome
    {
        private readonly Dictionary<string, object> cache = new Dictionary<string, object>(StringComparer.Ordinal);
        /// <summary>Null until <see cref="KeepExistence"/>.</summary>
        private Dictionary<string, bool> existence;

        private CarbonHome(string path)
        {
            Path = path;
        }

        public string Path { get; }

        /// <summary>Opens a product home: a folder that holds repository/conf/carbon.xml.</summary>
        public static CarbonHome Open(string path)
        {
            var full = System.IO.Path.GetFullPath(path).TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar);
            if (full.Length == 0)
            {
                full = System.IO.Path.DirectorySeparatorChar.ToString();
            }
            if (!IsProductHome(full))
            {
                var why = Directory.Exists(full) ? "it holds no repository/conf/carbon.xml" : "the folder does not exist";
                throw new CarbonOpsException(ErrorIds.ProductHomeNotFound, $"'{path}' is not a WSO2 Carbon product home: {why}.", full);
            }
            return new CarbonHome(full);
        }

        public static bool IsProductHome(string path) => File.Exists(System.IO.Path.Combine(path, CarbonPaths.CarbonXml));

        /// <summary>The full path of a file given relative to the home with forward slashes.</summary>
        public string FilePath(string relative) => System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

        public bool Exists(string relative)
        {
            if (existence == null)
            {
                return File.Exists(FilePath(relative));
            }
            if (!existence.TryGetValue(relative, out var exists))
            {
                exists = File.Exists(FilePath(relative));
                existence[relative] = exists;
            }
            return exists;
        }

        /// <summary>
        /// From now on, whether a file exists is asked of the disk once and kept, as the files' contents are: for an audit,
        /// whose checks ask it of the same files many times. A home being changed leaves it off, since its files come and go.
        /// </summary>
        public void KeepExistence()
        {
            existence = existence ?? new Dictionary<string, bool>(StringComparer.Ordinal);
        }

        /// <summary>A parsed XML file; throws ConfigFileNotFound or ConfigFileMalformed (with the line).</summary>
        public XmlConfig Xml(string relative) => Cached(relative, _ => new XmlConfig(Text(relative)).WithParsedDocument());

        /// <remarks>The parsed views share the file's one <see cref="TextDocument"/> with <see cref="Text"/>: each file is read once.</remarks>
        public PropertiesConfig Properties(string relative) => Cached(relative, _ => new PropertiesConfig(Text(relative)));

        public TextDocument Text(string relative) => Cached(relative, TextDocument.Load);

        /// <summary>The java command of a launcher (bin/wso2server.sh, .bat, wrapper.conf), parsed once for the life of this object.</summary>
        public LauncherCommand Launcher(string relative) => Cached(relative, _ => LauncherParser.Parse(relative, Text(relative)));

        private T Cached<T>(string relative, Func<string, T> load) where T : class
        {
            var key = typeof(T).Name + ":" + relative;
            if (!cache.TryGetValue(key, out var value))
            {
                try
                {
                    value = load(FilePath(relative));
                }
                catch (CarbonOpsException ex)
                {
                    value = ex;
                }
                cache[key] = value;
            }
            if (value is CarbonOpsException failure)
            {
                throw failure.Again();
            }
            return (T)value;
        }
    }

    internal static class XmlConfigExtensions
    {
        /// <summary>Parses now, so a malformed file fails where it is loaded.</summary>
        public static XmlConfig WithParsedDocument(this XmlConfig config)
        {
            _ = config.Document;
            return config;
        }
    }
}
