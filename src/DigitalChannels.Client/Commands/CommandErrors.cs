using System;
using System.IO;
using System.Linq;
using DigitalChannels.Client.Http;

namespace DigitalChannels.Client.Commands
{
    /// <summary>
    /// Turns any failure into a CommandError: a stable id "{Noun}{Reason}" whose reason is the cause (the server's
    /// reason through <see cref="ErrorTable"/>, the HTTP status only as the fallback), its category, the redacted
    /// message with the tracking id, the thing at fault as the target, and what to do next.
    /// </summary>
    public static class CommandErrors
    {
        /// <summary>Failures that would fail every further item the same way end the command; the rest are per item.</summary>
        public static bool EndsCommand(Exception ex) => RuleFor(ex).EndsCommand;

        /// <summary>The table row that decides the id, the category and the action for a failure.</summary>
        public static ErrorRule RuleFor(Exception ex)
        {
            switch (ex)
            {
                case CommandTerminatedException _:
                    return ErrorTable.Failed;
                case WebexApiException api:
                    return RuleForApi(api);
                case NoPublicApiException _:
                    return ErrorTable.NoPublicApi;
                case WrongOrganizationException _:
                    return ErrorTable.WrongOrganization;
                case Auth.Saved.SecretStoreUnavailableException _:
                    return ErrorTable.SecretStoreUnavailable;
                case NotConnectedException _:
                    return ErrorTable.NotConnected;
                case ResourceInUseException _:
                    return ErrorTable.InUse;
                case ReferenceNotFoundException _:
                    return ErrorTable.ReferenceNotFound;
                case IdentityNotFoundException _:
                    return ErrorTable.NotFound;
                case FileNotFoundException _:
                    return ErrorTable.FileNotFound;
                case TimeoutException _:
                    return ErrorTable.Timeout;
                case InvalidDataException _:
                    return ErrorTable.InvalidData;
                case ArgumentException _:
                    return ErrorTable.InvalidArgument;
                default:
                    return ErrorTable.Failed;
            }
        }

        public static CommandError From(string noun, Exception ex, object target)
        {
            if (ex is CommandTerminatedException terminated) return terminated.Error;
            var rule = RuleFor(ex);
            var action = rule.RecommendedAction;
            if (ex is WebexApiException api && api.StatusCode == 429 && api.RetryAfter.HasValue)
                action = $"Wait {api.RetryAfter.Value.TotalSeconds:0} s and try again.";
            return new CommandError(rule.ErrorIdFor(noun), rule.Category, ex.Message, FaultOf(ex) ?? target ?? (ex as IdentityNotFoundException)?.Identity, ex) { RecommendedAction = action };
        }

        private static ErrorRule RuleForApi(WebexApiException api)
        {
            switch (api.Kind)
            {
                case WebexFailureKind.Unreachable: return ErrorTable.ServerUnreachable;
                case WebexFailureKind.Timeout: return ErrorTable.Timeout;
                case WebexFailureKind.Transport: return ErrorTable.ConnectionFailed;
            }
            if (api.StatusCode == null) return ErrorTable.Failed;
            // The server's reason names the cause; a reason the table does not know (a newer server) falls back to the status.
            return ErrorTable.ForReason(api.Reason)
                ?? api.ReasonTexts?.Select(ErrorTable.ForContactCenterText).FirstOrDefault(r => r != null)
                ?? ErrorTable.ForStatus(api.StatusCode.Value);
        }

        /// <summary>The thing at fault when the failure names it: the missing object's name, the bad value, the unreachable URL, the refused client id.</summary>
        private static object FaultOf(Exception ex)
        {
            switch (ex)
            {
                case WebexApiException api: return string.IsNullOrEmpty(api.Target) ? null : api.Target;
                case ReferenceNotFoundException reference: return reference.Identity;
                case FileNotFoundException file: return file.FileName;
                default: return null;
            }
        }
    }

    /// <summary>No connection was given and none is current in this runspace.</summary>
    /// <summary>The token belongs to another organization than the one asked for: never a connection to the wrong tenant.</summary>
    public sealed class WrongOrganizationException : InvalidOperationException
    {
        public WrongOrganizationException(string expected, string actual)
            : base($"The signed-in account belongs to organization '{actual}', not to '{expected}' (-OrganizationId). No connection was made; sign in as an administrator of '{expected}'.")
        {
            Expected = expected;
            Actual = actual;
        }

        public string Expected { get; }
        public string Actual { get; }
    }

    public sealed class NotConnectedException : InvalidOperationException
    {
        public NotConnectedException()
            : base("There is no DigitalChannels connection in this session. Run Connect-DigitalChannels first, or pass -Connection.") { }
    }

    /// <summary>An id or name given by the user that matches nothing; the message names it.</summary>
    public class IdentityNotFoundException : Exception
    {
        public IdentityNotFoundException(string message, object identity) : base(message)
        {
            Identity = identity;
        }

        public object Identity { get; }
    }

    /// <summary>
    /// A name or id that a parameter gives for another object (a site's multimedia profile, a team's site) matches
    /// nothing: not the object the command works on, so not {Noun}NotFound but {Noun}ReferenceNotFound, with the
    /// missing name as the target.
    /// </summary>
    public sealed class ReferenceNotFoundException : IdentityNotFoundException
    {
        public ReferenceNotFoundException(string message, object identity) : base(message, identity) { }

        /// <summary>Runs the lookup of another object than the command's own: a miss becomes a ReferenceNotFoundException.</summary>
        public static async System.Threading.Tasks.Task<T> Resolve<T>(System.Threading.Tasks.Task<T> lookup)
        {
            try
            {
                return await lookup;
            }
            catch (IdentityNotFoundException ex) when (!(ex is ReferenceNotFoundException))
            {
                throw new ReferenceNotFoundException(ex.Message, ex.Identity);
            }
        }
    }

    /// <summary>An object that cannot be deleted (or changed so) while others refer to it (Contact Center 412); the message names them.</summary>
    public sealed class ResourceInUseException : InvalidOperationException
    {
        public ResourceInUseException(string message, Exception inner = null) : base(message, inner) { }
    }
}
