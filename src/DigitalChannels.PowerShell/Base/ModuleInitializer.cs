using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using DigitalChannels.Client;
using DigitalChannels.PowerShell.Loading;

namespace DigitalChannels.PowerShell.Base
{
    /// <summary>
    /// Runs at Import-Module and Remove-Module. It does nothing heavy (powershell-practices §3.1): at import it hooks
    /// <see cref="AppDomain.AssemblyResolve"/> with a <see cref="DependencyResolver"/> for the DLLs of the module's
    /// <c>Dependencies/</c> folder (Microsoft.Identity.Client, Microsoft.IdentityModel.Abstractions, Newtonsoft.Json,
    /// Microsoft.Bcl.AsyncInterfaces, the System.* packages that netstandard2.0 needs on Windows PowerShell 5.1); at removal
    /// it disposes and forgets the session's connection.
    /// </summary>
    /// <remarks>
    /// DigitalChannels.PowerShell.dll and DigitalChannels.Client.dll stay in the default load context: PowerShell reads the
    /// cmdlet types, and so loads the client they implement (ICommandHost), before it calls <see cref="OnImport"/>, so
    /// nothing of ours could steer where the client goes. What clashes with other modules is the dependencies, and those
    /// are isolated: on PowerShell 7 they go into the module's own load context whenever the session has no copy at least
    /// as new as ours (see <see cref="DependencyResolver"/>), as Microsoft.Graph.Authentication does.
    /// </remarks>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <summary>The subfolder of the module that holds the dependency DLLs.</summary>
        public const string DependencyFolderName = "Dependencies";

        private static readonly object Gate = new object();
        private static DependencyResolver _resolver;
        private static int _imports;

        public void OnImport()
        {
            lock (Gate)
            {
                // Every runspace that imports the module calls this (the lab runner's runspaces too); one handler serves them
                // all and stays until the last one removes the module. The load context is made once per process: an
                // assembly it loaded can never be loaded twice.
                if (_imports++ > 0) return;
                _resolver = _resolver ?? new DependencyResolver(ModuleDirectory, FindDependencies(DependencyDirectory), IsolatedLoadContext.TryCreate());
                AppDomain.CurrentDomain.AssemblyResolve += _resolver.Resolve;
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            // Remove-Module ends the session's connection, as Disconnect-DigitalChannels would: the token and the HTTP
            // connections do not outlive the module that made them.
            foreach (var connection in ConnectionRegistry.RemoveAll(Runspace.DefaultRunspace)) connection.Dispose();

            lock (Gate)
            {
                if (_imports == 0 || --_imports > 0) return;
                AppDomain.CurrentDomain.AssemblyResolve -= _resolver.Resolve;
            }
        }

        /// <summary>The module's folder: where DigitalChannels.PowerShell.dll is.</summary>
        internal static string ModuleDirectory =>
            Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? string.Empty;

        /// <summary>The module's Dependencies folder, beside this DLL.</summary>
        internal static string DependencyDirectory => Path.Combine(ModuleDirectory, DependencyFolderName);

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
    }
}
