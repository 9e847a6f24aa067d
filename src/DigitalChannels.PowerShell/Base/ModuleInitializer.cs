using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace DigitalChannels.PowerShell.Base
{
    /// <summary>
    /// Runs at Import-Module and Remove-Module. It does nothing heavy (powershell-practices §3.1): it only hooks
    /// <see cref="AppDomain.AssemblyResolve"/> so that the client's dependencies (Microsoft.Identity.Client,
    /// Microsoft.IdentityModel.Abstractions, Newtonsoft.Json, Microsoft.Bcl.AsyncInterfaces, the System.* packages
    /// that netstandard2.0 needs on Windows PowerShell 5.1) load from the module's <c>Dependencies/</c> folder.
    /// Only DLLs that are really in that folder are offered, by simple name; anything else is left to the runtime.
    /// </summary>
    /// <remarks>
    /// This shares one load context with every other module: the first version of an assembly loaded in the process
    /// wins (on PowerShell 7 its own Newtonsoft.Json, for instance). Full isolation in a private AssemblyLoadContext
    /// whose Load override owns the whole dependency closure, as Microsoft.Graph.Authentication does
    /// (powershell-practices §1.15), is future work; on Windows PowerShell 5.1 side-by-side loading is impossible anyway.
    /// </remarks>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <summary>The subfolder of the module that holds the dependency DLLs.</summary>
        public const string DependencyFolderName = "Dependencies";

        private static readonly object Gate = new object();
        private static Dictionary<string, string> _dependencies;
        private static bool _hooked;

        public void OnImport()
        {
            lock (Gate)
            {
                if (_hooked) return;
                _dependencies = FindDependencies(DependencyDirectory);
                AppDomain.CurrentDomain.AssemblyResolve += ResolveDependency;
                _hooked = true;
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            lock (Gate)
            {
                if (!_hooked) return;
                AppDomain.CurrentDomain.AssemblyResolve -= ResolveDependency;
                _hooked = false;
                _dependencies = null;
            }
        }

        /// <summary>The module's Dependencies folder, beside this DLL.</summary>
        internal static string DependencyDirectory =>
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? string.Empty, DependencyFolderName);

        /// <summary>Simple assembly name → path, for every DLL in the folder (none when the folder is missing).</summary>
        internal static Dictionary<string, string> FindDependencies(string directory)
        {
            var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (!Directory.Exists(directory)) return found;
            foreach (var path in Directory.GetFiles(directory, "*.dll"))
            {
                found[Path.GetFileNameWithoutExtension(path)] = path;
            }
            return found;
        }

        private static Assembly ResolveDependency(object sender, ResolveEventArgs args)
        {
            string simpleName;
            try
            {
                simpleName = new AssemblyName(args.Name).Name;
            }
            catch (Exception ex) when (ex is ArgumentException || ex is FileLoadException)
            {
                return null;
            }

            var dependencies = _dependencies;
            if (simpleName == null || dependencies == null || !dependencies.TryGetValue(simpleName, out var path)) return null;
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }
    }
}
