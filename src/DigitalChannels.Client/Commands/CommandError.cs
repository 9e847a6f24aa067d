using System;

namespace DigitalChannels.Client.Commands
{
    /// <summary>
    /// PowerShell's error categories the project uses. The names are those of
    /// System.Management.Automation.ErrorCategory, so the cmdlet layer converts by name (a test holds them equal).
    /// </summary>
    public enum CommandErrorCategory
    {
        NotSpecified,
        InvalidArgument,
        InvalidData,
        InvalidOperation,
        ObjectNotFound,
        ResourceExists,
        PermissionDenied,
        AuthenticationError,
        LimitsExceeded,
        ResourceUnavailable,
        OperationTimeout,
        ConnectionError,
        NotImplemented,
        OperationStopped,
    }

    /// <summary>An error record in the making: a stable id for scripts and Pester, a category, and a message naming what went wrong.</summary>
    public sealed class CommandError
    {
        public CommandError(string errorId, CommandErrorCategory category, string message, object targetObject = null, Exception exception = null)
        {
            ErrorId = errorId ?? throw new ArgumentNullException(nameof(errorId));
            Category = category;
            Message = message ?? throw new ArgumentNullException(nameof(message));
            TargetObject = targetObject;
            Exception = exception;
        }

        /// <summary>Stable, e.g. <c>ConnectServiceLocked</c>; PowerShell shows it as FullyQualifiedErrorId "id,cmdlet type".</summary>
        public string ErrorId { get; }

        public CommandErrorCategory Category { get; }

        public string Message { get; }

        public object TargetObject { get; }

        public Exception Exception { get; }

        /// <summary>What to do about it, when there is something to say.</summary>
        public string RecommendedAction { get; set; }

        public override string ToString() => $"{ErrorId} ({Category}): {Message}";
    }

    /// <summary>Thrown by command logic for a failure that ends the whole command (ThrowTerminatingError).</summary>
    public sealed class CommandTerminatedException : Exception
    {
        public CommandTerminatedException(CommandError error) : base(error.Message, error.Exception)
        {
            Error = error;
        }

        public CommandError Error { get; }
    }
}
