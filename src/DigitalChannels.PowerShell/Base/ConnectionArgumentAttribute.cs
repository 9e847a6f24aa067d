using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using DigitalChannels.Client;

namespace DigitalChannels.PowerShell.Base
{
    /// <summary>
    /// -Connection by name: a string is looked up among this session's connections (Connect-DigitalChannels -Name), and a
    /// line of Get-DigitalChannelsConnection -ListAvailable gives its connection. An unknown name fails at binding,
    /// naming it and the names there are.
    /// </summary>
    public sealed class ConnectionArgumentAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case string name:
                    var runspace = Runspace.DefaultRunspace;
                    var found = ConnectionRegistry.Find(runspace, name.Trim());
                    if (found != null) return found;
                    var names = ConnectionRegistry.List(runspace).Select(c => "'" + c.Name + "'").ToList();
                    throw new ArgumentTransformationMetadataException(
                        $"This session has no connection named '{name}'" + (names.Count == 0 ? "." : $"; it has {string.Join(", ", names)}.") +
                        $" Connect-DigitalChannels -Name {name} (or -Saved {name}) connects one.");
                case DigitalChannelsConnectionInfo info when info.Connection != null:
                    return info.Connection;
                case DigitalChannelsConnectionInfo info:
                    throw new ArgumentTransformationMetadataException(
                        $"'{info.Name}' is a saved sign-in not connected in this session: Connect-DigitalChannels -Saved {info.Name} first.");
                default:
                    return inputData;
            }
        }
    }
}
