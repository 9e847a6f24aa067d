using System;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace DigitalChannels.PowerShell.Loading
{
    /// <summary>
    /// The module's own AssemblyLoadContext on PowerShell 7, reached through reflection because this assembly is
    /// netstandard2.0 (one binary for both editions) and cannot name the type; Microsoft.Graph.Authentication does the same.
    /// A plain, non-collectible context is enough: <see cref="DependencyResolver"/> decides what goes in, and anything it
    /// declines (the framework's own assemblies) binds in the default context as usual.
    /// </summary>
    internal sealed class IsolatedLoadContext
    {
        /// <summary>The context's name, as AssemblyLoadContext.GetLoadContext(assembly).Name shows it.</summary>
        public const string ContextName = "DigitalChannels";

        private readonly object _context;
        private readonly MethodInfo _loadFromAssemblyPath;

        private IsolatedLoadContext(object context, MethodInfo loadFromAssemblyPath)
        {
            _context = context;
            _loadFromAssemblyPath = loadFromAssemblyPath;
        }

        /// <summary>A new context, or null on .NET Framework (Windows PowerShell 5.1), which has no load contexts.</summary>
        public static IsolatedLoadContext TryCreate()
        {
            var type = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext");
            var constructor = type?.GetConstructor(new[] { typeof(string), typeof(bool) });
            var load = type?.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) });
            if (constructor == null || load == null) return null;
            return new IsolatedLoadContext(constructor.Invoke(new object[] { ContextName, false }), load);
        }

        public Assembly LoadFromAssemblyPath(string path)
        {
            try
            {
                return (Assembly)_loadFromAssemblyPath.Invoke(_context, new object[] { path });
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
        }
    }
}
