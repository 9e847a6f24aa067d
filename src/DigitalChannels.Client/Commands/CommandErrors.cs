using System;
using System.IO;
using DigitalChannels.Client.Http;

namespace DigitalChannels.Client.Commands
{
    /// <summary>
    /// Turns any failure into a CommandError: a stable id "{Noun}{Reason}", the category that matches the HTTP status
    /// (powershell-practices §1.10), the redacted message with the tracking id, and what to do next.
    /// </summary>
    public static class CommandErrors
    {
        /// <summary>Failures that would fail every further item the same way end the command; the rest are per item.</summary>
        public static bool EndsCommand(Exception ex) =>
            ex is NotConnectedException || ex is NoPublicApiException ||
            (ex is WebexApiException api && (api.StatusCode == 401 || api.Kind == WebexFailureKind.Transport));

        public static CommandError From(string noun, Exception ex, object target)
        {
            switch (ex)
            {
                case CommandTerminatedException terminated:
                    return terminated.Error;
                case WebexApiException api:
                    return FromApi(noun, api, target);
                case NoPublicApiException noApi:
                    return new CommandError(noun + "NoPublicApi", CommandErrorCategory.NotImplemented, noApi.Message, target, noApi)
                    { RecommendedAction = "Use the portal page named in the message, or connect to the DigitalChannels sandbox." };
                case NotConnectedException notConnected:
                    return new CommandError("NotConnected", CommandErrorCategory.AuthenticationError, notConnected.Message, target, notConnected)
                    { RecommendedAction = "Run Connect-DigitalChannels, or pass -Connection." };
                case ResourceInUseException inUse:
                    return new CommandError(noun + "InUse", CommandErrorCategory.InvalidOperation, inUse.Message, target, inUse)
                    { RecommendedAction = "Remove or change the objects named in the message first." };
                case IdentityNotFoundException notFound:
                    return new CommandError(noun + "NotFound", CommandErrorCategory.ObjectNotFound, notFound.Message, target ?? notFound.Identity, notFound);
                case FileNotFoundException file:
                    return new CommandError(noun + "FileNotFound", CommandErrorCategory.ObjectNotFound, file.Message, target ?? file.FileName, file);
                case TimeoutException timeout:
                    return new CommandError(noun + "Timeout", CommandErrorCategory.OperationTimeout, timeout.Message, target, timeout);
                case InvalidDataException data:
                    return new CommandError(noun + "InvalidData", CommandErrorCategory.InvalidData, data.Message, target, data);
                case ArgumentException argument:
                    return new CommandError(noun + "InvalidArgument", CommandErrorCategory.InvalidArgument, argument.Message, target, argument);
                default:
                    return new CommandError(noun + "Failed", CommandErrorCategory.NotSpecified, ex.Message, target, ex);
            }
        }

        private static CommandError FromApi(string noun, WebexApiException api, object target)
        {
            string reason;
            CommandErrorCategory category;
            string action = null;
            if (api.Kind == WebexFailureKind.Timeout) { reason = "Timeout"; category = CommandErrorCategory.OperationTimeout; }
            else if (api.Kind == WebexFailureKind.Transport) { reason = "ConnectionFailed"; category = CommandErrorCategory.ConnectionError; action = "Check that the server is running and reachable."; }
            else
            {
                switch (api.StatusCode)
                {
                    case 400: reason = "InvalidRequest"; category = CommandErrorCategory.InvalidArgument; break;
                    case 401: reason = "Unauthorized"; category = CommandErrorCategory.AuthenticationError; action = "Run Connect-DigitalChannels again with valid credentials."; break;
                    case 403: reason = "PermissionDenied"; category = CommandErrorCategory.PermissionDenied; action = "Use an account whose role and token scopes allow this."; break;
                    case 404: reason = "NotFound"; category = CommandErrorCategory.ObjectNotFound; break;
                    case 409: reason = "AlreadyExists"; category = CommandErrorCategory.ResourceExists; break;
                    case 412: reason = "PreconditionFailed"; category = CommandErrorCategory.InvalidOperation; action = "Read the object again and repeat the change."; break;
                    case 423: reason = "Locked"; category = CommandErrorCategory.InvalidOperation; action = "Unlock it first (for a service: Set-ConnectService -Locked:$false)."; break;
                    case 429: reason = "RateLimited"; category = CommandErrorCategory.LimitsExceeded; action = api.RetryAfter.HasValue ? $"Wait {api.RetryAfter.Value.TotalSeconds:0} s and try again." : "Wait and try again."; break;
                    default:
                        if (api.StatusCode >= 500) { reason = "ServerError"; category = CommandErrorCategory.ResourceUnavailable; action = "Try again later; quote the tracking id to support if it persists."; }
                        else { reason = "RequestFailed"; category = CommandErrorCategory.InvalidOperation; }
                        break;
                }
            }
            return new CommandError(noun + reason, category, api.Message, target, api) { RecommendedAction = action };
        }
    }

    /// <summary>No connection was given and none is current in this runspace.</summary>
    public sealed class NotConnectedException : InvalidOperationException
    {
        public NotConnectedException()
            : base("There is no DigitalChannels connection in this session. Run Connect-DigitalChannels first, or pass -Connection.") { }
    }

    /// <summary>An id or name given by the user that matches nothing; the message names it.</summary>
    public sealed class IdentityNotFoundException : Exception
    {
        public IdentityNotFoundException(string message, object identity) : base(message)
        {
            Identity = identity;
        }

        public object Identity { get; }
    }

    /// <summary>An object that cannot be deleted (or changed so) while others refer to it (Contact Center 412); the message names them.</summary>
    public sealed class ResourceInUseException : InvalidOperationException
    {
        public ResourceInUseException(string message, Exception inner = null) : base(message, inner) { }
    }
}
