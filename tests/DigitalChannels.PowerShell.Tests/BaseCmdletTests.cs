using System.Management.Automation;
using System.Reflection;
using DigitalChannels.Client;
using DigitalChannels.Client.Commands;
using DigitalChannels.PowerShell.Base;
using DigitalChannels.PowerShell.Cmdlets;

namespace DigitalChannels.PowerShell.Tests;

/// <summary>
/// What the base classes do on their own. PowerShellStandard.Library's engine members are stubs here (WriteError,
/// ThrowTerminatingError and ErrorRecord's getters do nothing), so these tests cover the logic that is this project's:
/// cancellation, the stop mapping, the category mapping, the connection fallback and the dependency resolver.
/// </summary>
public class BaseCmdletTests
{
    private static object? Invoke(object target, string method, params object?[] arguments)
    {
        var info = target.GetType().GetMethods(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .First(m => m.Name == method && m.GetParameters().Length == arguments.Length);
        try
        {
            return info.Invoke(target, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException != null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    [Fact]
    public void Every_CommandErrorCategory_is_a_PowerShell_ErrorCategory_of_the_same_name()
    {
        var powerShell = Enum.GetNames(typeof(ErrorCategory)).ToHashSet(StringComparer.Ordinal);
        foreach (CommandErrorCategory category in Enum.GetValues(typeof(CommandErrorCategory)))
        {
            Assert.True(powerShell.Contains(category.ToString()), $"CommandErrorCategory.{category} is not a member of System.Management.Automation.ErrorCategory.");
            Assert.Equal(category.ToString(), DigitalChannelsCmdlet.ToErrorCategory(category).ToString());
        }
    }

    [Fact]
    public void BeginProcessing_creates_the_token_that_StopProcessing_cancels_and_EndProcessing_releases()
    {
        var cmdlet = new GetConnectServiceCommand();
        var host = (ICommandHost)cmdlet;
        Assert.False(host.CancellationToken.CanBeCanceled);

        Invoke(cmdlet, "BeginProcessing");
        var token = host.CancellationToken;
        Assert.True(token.CanBeCanceled, "BeginProcessing should create a CancellationTokenSource.");
        Assert.False(token.IsCancellationRequested);

        Invoke(cmdlet, "StopProcessing");
        Assert.True(token.IsCancellationRequested, "StopProcessing (Ctrl+C) should cancel the token the library was given.");

        Invoke(cmdlet, "EndProcessing");
        Assert.False(host.CancellationToken.CanBeCanceled, "EndProcessing should dispose the source.");
        Invoke(cmdlet, "StopProcessing"); // a late stop after disposal must not throw
        cmdlet.Dispose();
        cmdlet.Dispose();
    }

    [Fact]
    public void Dispose_releases_the_token_source_when_EndProcessing_never_ran()
    {
        var cmdlet = new NewConnectServiceCommand();
        Invoke(cmdlet, "BeginProcessing");
        Assert.True(((ICommandHost)cmdlet).CancellationToken.CanBeCanceled);
        Assert.IsAssignableFrom<IDisposable>(cmdlet);
        cmdlet.Dispose();
        Assert.False(((ICommandHost)cmdlet).CancellationToken.CanBeCanceled);
    }

    [Fact]
    public void Run_turns_a_cancellation_after_a_stop_into_PipelineStoppedException()
    {
        var cmdlet = new GetConnectServiceCommand();
        Invoke(cmdlet, "BeginProcessing");
        Invoke(cmdlet, "StopProcessing");
        Func<ICommandHost, Task> command = async host =>
        {
            await Task.Yield();
            host.CancellationToken.ThrowIfCancellationRequested();
        };
        Assert.Throws<PipelineStoppedException>(() => Invoke(cmdlet, "Run", "ConnectService", command, null));
    }

    [Fact]
    public void Run_passes_the_library_a_host_whose_token_is_the_cmdlets()
    {
        var cmdlet = new GetConnectServiceCommand();
        Invoke(cmdlet, "BeginProcessing");
        var expected = ((ICommandHost)cmdlet).CancellationToken;
        var seen = CancellationToken.None;
        var thread = Environment.CurrentManagedThreadId;
        var continuedOn = -1;
        Func<ICommandHost, Task> command = async host =>
        {
            seen = host.CancellationToken;
            await Task.Delay(1);
            continuedOn = Environment.CurrentManagedThreadId;
        };
        Invoke(cmdlet, "Run", "ConnectService", command, null);
        Assert.Equal(expected, seen);
        Assert.True(continuedOn == thread, "The command's continuations should run on the pipeline thread.");
    }

    [Fact]
    public void CurrentConnection_without_a_connection_is_the_terminating_NotConnected_error()
    {
        var cmdlet = new GetConnectServiceCommand();
        var property = typeof(DigitalChannelsConnectedCmdlet).GetProperty("CurrentConnection", BindingFlags.Instance | BindingFlags.NonPublic)!;
        var ex = Assert.Throws<TargetInvocationException>(() => property.GetValue(cmdlet));
        var terminated = Assert.IsType<CommandTerminatedException>(ex.InnerException);
        Assert.Equal("NotConnected", terminated.Error.ErrorId);
        Assert.Equal(CommandErrorCategory.AuthenticationError, terminated.Error.Category);
        Assert.Contains("Connect-DigitalChannels", terminated.Error.RecommendedAction);
    }

    [Fact]
    public void Set_ConnectService_changes_only_what_was_given()
    {
        var none = SetConnectServiceCommand.ToChanges(new List<string> { "Identity" }, null!, null!, false);
        Assert.Null(none.Locked);
        Assert.Null(none.Name);
        Assert.Null(none.Description);

        var unlock = SetConnectServiceCommand.ToChanges(new List<string> { "Identity", "Locked" }, null!, null!, false);
        Assert.False(unlock.Locked!.Value, "-Locked:$false should unlock.");

        var lockIt = SetConnectServiceCommand.ToChanges(new List<string> { "Locked" }, null!, null!, true);
        Assert.True(lockIt.Locked!.Value, "-Locked should lock.");

        var clear = SetConnectServiceCommand.ToChanges(new List<string> { "Description", "NewName" }, "B", "", false);
        Assert.Equal("", clear.Description);
        Assert.Equal("B", clear.Name);
        Assert.Null(clear.Locked);
    }

    [Fact]
    public void ModuleInitializer_is_a_module_initializer_and_cleanup()
    {
        Assert.True(typeof(IModuleAssemblyInitializer).IsAssignableFrom(typeof(ModuleInitializer)));
        Assert.True(typeof(IModuleAssemblyCleanup).IsAssignableFrom(typeof(ModuleInitializer)));
        Assert.Equal("Dependencies", ModuleInitializer.DependencyFolderName);
    }

    [Fact]
    public void ModuleInitializer_offers_only_the_DLLs_that_are_in_the_Dependencies_folder()
    {
        var directory = Directory.CreateTempSubdirectory("dc-deps-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "Newtonsoft.Json.dll"), "");
            File.WriteAllText(Path.Combine(directory.FullName, "Microsoft.Identity.Client.dll"), "");
            File.WriteAllText(Path.Combine(directory.FullName, "readme.txt"), "");
            var found = ModuleInitializer.FindDependencies(directory.FullName);
            Assert.Equal(new[] { "Microsoft.Identity.Client", "Newtonsoft.Json" }, found.Keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.True(found.ContainsKey("newtonsoft.json"), "Simple names should match without regard to case.");
            Assert.Empty(ModuleInitializer.FindDependencies(Path.Combine(directory.FullName, "missing")));
        }
        finally
        {
            directory.Delete(true);
        }
    }

    [Fact]
    public void No_cmdlet_code_reads_ErrorActionPreference()
    {
        var folder = Repository.PathOf("src", "DigitalChannels.PowerShell");
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
                Assert.False(line.Contains("ErrorActionPreference", StringComparison.OrdinalIgnoreCase),
                    $"{Path.GetFileName(file)} reads $ErrorActionPreference; let the engine apply -ErrorAction: {line.Trim()}");
            }
        }
    }

    [Fact]
    public void The_connection_type_is_the_one_the_client_library_defines()
    {
        Assert.Equal(typeof(DigitalChannelsConnection), typeof(DigitalChannelsConnectedCmdlet).GetProperty("Connection")!.PropertyType);
    }
}
