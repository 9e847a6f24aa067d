using System.Reflection;
using System.Runtime.Loader;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Loading;

namespace DigitalChannels.PowerShell.Tests;

/// <summary>
/// Which requests the module's resolver answers and where the answer is loaded (the whole story, with other modules'
/// older copies loaded first, runs in a real pwsh: tests/Pester/SideBySide.Tests.ps1).
/// </summary>
public sealed class DependencyResolverTests : IDisposable
{
    private readonly DirectoryInfo _module = Directory.CreateTempSubdirectory("dc-module-");
    private readonly string _newtonsoft;

    public DependencyResolverTests()
    {
        // A module folder with one real dependency in Dependencies/: this test host's Newtonsoft.Json (13.0.0.0).
        var dependencies = Directory.CreateDirectory(Path.Combine(_module.FullName, ModuleInitializer.DependencyFolderName));
        _newtonsoft = Path.Combine(dependencies.FullName, "Newtonsoft.Json.dll");
        File.Copy(typeof(Newtonsoft.Json.JsonConvert).Assembly.Location, _newtonsoft);
    }

    public void Dispose()
    {
        try { _module.Delete(true); } catch (UnauthorizedAccessException) { } // a DLL loaded into a context stays open on Windows
        catch (IOException) { }
    }

    private DependencyResolver Resolver(IsolatedLoadContext? context) =>
        new(_module.FullName, ModuleInitializer.FindDependencies(Path.Combine(_module.FullName, ModuleInitializer.DependencyFolderName)), context!);

    private static ResolveEventArgs Request(string name, Assembly? requesting = null) => new(name, requesting);

    private const string Json13 = "Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed";

    [Fact]
    public void On_NET_the_module_has_its_own_load_context()
    {
        Assert.NotNull(IsolatedLoadContext.TryCreate());
    }

    [Fact]
    public void A_satisfied_request_is_loaded_into_the_module_load_context_from_Dependencies()
    {
        var resolver = Resolver(IsolatedLoadContext.TryCreate());
        var assembly = resolver.Resolve(this, Request(Json13));
        Assert.NotNull(assembly);
        Assert.Equal(_newtonsoft, assembly!.Location);
        Assert.Equal(IsolatedLoadContext.ContextName, AssemblyLoadContext.GetLoadContext(assembly)!.Name);
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(assembly));
        // Asked again (another of our assemblies), the same copy: one per context.
        Assert.Same(assembly, resolver.Resolve(this, Request("Newtonsoft.Json, Version=12.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed")));
    }

    [Fact]
    public void A_request_for_a_newer_version_than_ours_is_declined()
    {
        var resolver = Resolver(IsolatedLoadContext.TryCreate());
        Assert.Null(resolver.Resolve(this, Request("Newtonsoft.Json, Version=14.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed")));
    }

    [Fact]
    public void A_request_from_another_module_is_declined()
    {
        var resolver = Resolver(IsolatedLoadContext.TryCreate());
        // Any assembly outside the module folder stands for another module's.
        Assert.Null(resolver.Resolve(this, Request(Json13, typeof(Xunit.FactAttribute).Assembly)));
        Assert.Null(resolver.Resolve(this, Request("Some.Other.Assembly, Version=1.0.0.0")));
    }

    [Fact]
    public void Requests_from_the_module_files_or_from_an_unknown_requester_are_ours()
    {
        var resolver = Resolver(null);
        Assert.True(resolver.IsOwnRequest(null));
        Assert.False(resolver.IsOwnRequest(typeof(object).Assembly));
        var ours = IsolatedLoadContext.TryCreate()!.LoadFromAssemblyPath(_newtonsoft);
        Assert.True(resolver.IsOwnRequest(ours));
    }

    [Theory]
    [InlineData("Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed", true)]
    [InlineData("Newtonsoft.Json, Version=12.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed", true)]
    [InlineData("Newtonsoft.Json", true)]
    [InlineData("Newtonsoft.Json, Version=13.0.0.1, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed", false)]
    [InlineData("Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=0123456789abcdef", false)]
    [InlineData("Microsoft.Identity.Client, Version=4.0.0.0", false)]
    public void Our_copy_satisfies_a_request_for_the_same_assembly_at_most_its_version(string requested, bool satisfied)
    {
        var ours = AssemblyName.GetAssemblyName(_newtonsoft);
        Assert.Equal(satisfied, DependencyResolver.Satisfies(ours, new AssemblyName(requested)));
    }
}

/// <summary>The HTTP defaults of Windows PowerShell 5.1 hold for the lab cmdlets' widest -ThrottleLimit.</summary>
public class ConnectionLimitTests
{
    [Fact]
    public void NET_Framework_connection_limit_is_at_least_the_largest_ThrottleLimit()
    {
        var property = typeof(LabCmdlet).GetProperty(nameof(LabCmdlet.ThrottleLimit))!;
        // PowerShellStandard.Library's attribute classes are stubs here: the range is read from the metadata.
        var range = property.GetCustomAttributesData().Single(a => a.AttributeType.Name == "ValidateRangeAttribute");
        var maximum = Convert.ToInt32(range.ConstructorArguments[1].Value);
        Assert.True(DigitalChannels.Client.Http.HttpHandlerFactory.NetFrameworkConnectionLimit >= maximum,
            $"-ThrottleLimit goes up to {maximum} pods against one host, but .NET Framework would get only {DigitalChannels.Client.Http.HttpHandlerFactory.NetFrameworkConnectionLimit} connections.");
    }
}
