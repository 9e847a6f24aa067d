using Xunit;

namespace DigitalChannels.IntegrationTests.Infrastructure;

/// <summary>
/// One sandbox for every test class marked <c>[Collection(SharedSandboxCollection.Name)]</c>. Tests in it must not
/// depend on a clean tenant: give created resources unique names (see <see cref="SandboxApi.UniqueName"/>).
/// Tests that kill or restart the sandbox create their own <see cref="SandboxProcess"/>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedSandboxCollection : ICollectionFixture<SandboxProcess>
{
    public const string Name = "Shared sandbox";
}
