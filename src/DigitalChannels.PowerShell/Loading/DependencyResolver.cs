using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace DigitalChannels.PowerShell.Loading
{
    /// <summary>
    /// Answers the runtime's "assembly not found" for the module's own dependencies (Dependencies/), and only for them:
    /// <list type="bullet">
    /// <item>only when the request comes from the module's own files (or from an unknown requester, as .NET Framework often says),
    /// so another module's request is never answered with our copy;</item>
    /// <item>only when our copy satisfies it: same name and public key, version at least the one asked for. Handing an older
    /// copy to a caller compiled against a newer one is what ends in MissingMethodException;</item>
    /// <item>on PowerShell 7 our copy goes into the module's own <see cref="IsolatedLoadContext"/>, so an older copy that
    /// another module already put into the default context (Az.Accounts', Exchange's MSAL …) and ours live side by side.
    /// On Windows PowerShell 5.1 strong-named assemblies of different versions already live side by side: LoadFrom is enough.</item>
    /// </list>
    /// The runtime asks here only after its own binding failed: a copy in the session that is at least as new as the one
    /// requested (PowerShell 7's own Newtonsoft.Json, System.Text.Json …) is used as it is, which is the version-aware rule.
    /// </summary>
    internal sealed class DependencyResolver
    {
        private readonly string _moduleDirectory;
        private readonly Dictionary<string, string> _paths;
        private readonly IsolatedLoadContext _context;
        private readonly Dictionary<string, AssemblyName> _names = new Dictionary<string, AssemblyName>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Assembly> _loaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
        private readonly object _gate = new object();

        public DependencyResolver(string moduleDirectory, Dictionary<string, string> dependencies, IsolatedLoadContext context)
        {
            _moduleDirectory = AsDirectory(moduleDirectory);
            _paths = dependencies ?? throw new ArgumentNullException(nameof(dependencies));
            _context = context;
        }

        /// <summary>The load context the dependencies go into on PowerShell 7; null on .NET Framework.</summary>
        public IsolatedLoadContext Context => _context;

        /// <summary>The <see cref="AppDomain.AssemblyResolve"/> handler.</summary>
        public Assembly Resolve(object sender, ResolveEventArgs args)
        {
            AssemblyName requested;
            try
            {
                requested = new AssemblyName(args.Name);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is FileLoadException)
            {
                return null;
            }
            if (requested.Name == null || !_paths.TryGetValue(requested.Name, out var path)) return null;
            if (!IsOwnRequest(args.RequestingAssembly)) return null;

            lock (_gate)
            {
                if (_loaded.TryGetValue(requested.Name, out var done)) return Satisfies(done.GetName(), requested) ? done : null;
                var candidate = NameOf(path);
                if (candidate == null || !Satisfies(candidate, requested)) return null;
                var assembly = _context != null ? _context.LoadFromAssemblyPath(path) : Assembly.LoadFrom(path);
                _loaded[requested.Name] = assembly;
                return assembly;
            }
        }

        /// <summary>A request from one of the module's files, or from an unknown requester (.NET Framework often gives none).</summary>
        internal bool IsOwnRequest(Assembly requesting)
        {
            if (requesting == null) return true;
            string location;
            try
            {
                location = requesting.IsDynamic ? null : requesting.Location;
            }
            catch (NotSupportedException)
            {
                return false;
            }
            return !string.IsNullOrEmpty(location) && location.StartsWith(_moduleDirectory, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>Our copy answers a request when it is the same assembly (name, public key) and at least the version asked for.</summary>
        internal static bool Satisfies(AssemblyName ours, AssemblyName requested)
        {
            if (!string.Equals(ours.Name, requested.Name, StringComparison.OrdinalIgnoreCase)) return false;
            if (requested.Version != null && (ours.Version == null || ours.Version < requested.Version)) return false;
            var wantedKey = requested.GetPublicKeyToken();
            if (wantedKey != null && wantedKey.Length > 0)
            {
                var key = ours.GetPublicKeyToken() ?? new byte[0];
                if (key.Length != wantedKey.Length) return false;
                for (var i = 0; i < key.Length; i++) if (key[i] != wantedKey[i]) return false;
            }
            return true;
        }

        private AssemblyName NameOf(string path)
        {
            if (_names.TryGetValue(path, out var name)) return name;
            try
            {
                name = AssemblyName.GetAssemblyName(path);
            }
            catch (Exception ex) when (ex is IOException || ex is BadImageFormatException || ex is UnauthorizedAccessException)
            {
                name = null;
            }
            _names[path] = name;
            return name;
        }

        private static string AsDirectory(string path)
        {
            var full = Path.GetFullPath(path ?? string.Empty);
            return full.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? full : full + Path.DirectorySeparatorChar;
        }
    }
}
