using DigitalChannels.Sandbox.Errors;

namespace DigitalChannels.Sandbox.Connect;

/// <summary>
/// Service Locking: a locked service refuses every change to itself and to what hangs under it (flows, later).
/// Everything that changes a service or its children calls this inside its write transaction.
/// </summary>
public static class ServiceLock
{
    public static void EnsureUnlocked(ConnectService service)
    {
        if (service.Locked)
            throw ApiError.Locked(ErrorKeys.ServiceLocked,
                $"Service '{service.Name}' (id {service.Id}) is locked. Unlock it before changing it.").About(service.Name).ToException();
    }
}
