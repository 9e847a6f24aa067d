using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace DigitalChannels.Client.Lab.Definition
{
    /// <summary>
    /// Reads a lab definition from a .psd1 or .json file, or from what a PowerShell user passes (a hashtable), and finds
    /// the definition the module ships (Labs/Lab12.psd1 beside the module).
    /// </summary>
    public static class LabDefinitionFile
    {
        public const string ShippedFileName = "Lab12.psd1";
        public const string ShippedFolder = "Labs";

        /// <summary>Reads and checks the file; a syntax error or a mistake is refused naming the file, the key (or line) and the problem.</summary>
        public static LabDefinition Load(string path, string flowPath = null)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("The lab definition path is empty.", nameof(path));
            var full = Path.GetFullPath(path);
            if (!File.Exists(full)) throw new FileNotFoundException($"The lab definition file '{full}' does not exist.", full);
            var extension = Path.GetExtension(full).ToLowerInvariant();
            object tree;
            switch (extension)
            {
                case ".psd1":
                    tree = PowerShellDataFile.Load(full);
                    break;
                case ".json":
                    tree = DefinitionTree.FromJson(File.ReadAllText(full), full);
                    break;
                default:
                    throw new ArgumentException($"The lab definition '{full}' is neither a PowerShell data file (.psd1) nor JSON (.json).", nameof(path));
            }
            return LabDefinitionReader.Read(tree, full, Path.GetDirectoryName(full), flowPath);
        }

        /// <summary>
        /// A definition given as an object: a path, a hashtable (as Import-PowerShellDataFile returns), or a definition
        /// already read. <paramref name="unwrap"/> lets the cmdlet take PowerShell's wrappers off values;
        /// <paramref name="baseDirectory"/> is where a hashtable's relative FlowsFolder starts (PowerShell's current
        /// location, which is not the process's); the process's current directory when null.
        /// </summary>
        public static LabDefinition From(object value, string flowPath, Func<object, object> unwrap = null, string baseDirectory = null)
        {
            switch (value)
            {
                case null:
                    throw new ArgumentNullException(nameof(value), "No lab definition was given.");
                case LabDefinition definition:
                    return flowPath == null ? definition : throw new ArgumentException("-FlowPath applies to a definition read from a file or a hashtable, not to one already read.", nameof(flowPath));
                case string path:
                    return Load(path, flowPath);
                case FileInfo file:
                    return Load(file.FullName, flowPath);
                case System.Collections.IDictionary _:
                    return LabDefinitionReader.Read(DefinitionTree.FromObject(value, unwrap), "(hashtable)", baseDirectory ?? Directory.GetCurrentDirectory(), flowPath);
                default:
                    throw new ArgumentException($"A lab definition is a path to a .psd1 or .json file, or a hashtable; a {value.GetType().Name} is neither.", nameof(value));
            }
        }

        /// <summary>
        /// The shipped definition's path: Labs/Lab12.psd1 in the module folder (the assembly's folder), or, when running
        /// from the repository, module/Labs above it.
        /// </summary>
        public static string ShippedPath()
        {
            var start = Path.GetDirectoryName(typeof(LabDefinitionFile).GetTypeInfo().Assembly.Location) ?? Directory.GetCurrentDirectory();
            var candidates = new List<string>();
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                candidates.Add(Path.Combine(dir.FullName, ShippedFolder, ShippedFileName));
                candidates.Add(Path.Combine(dir.FullName, "module", ShippedFolder, ShippedFileName));
            }
            return candidates.FirstOrDefault(File.Exists)
                   ?? throw new FileNotFoundException($"The shipped lab definition {ShippedFolder}/{ShippedFileName} was not found beside the module ({start}).");
        }
    }
}
