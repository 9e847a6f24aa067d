using System;

namespace DigitalChannels.Client.Auth
{
    /// <summary>
    /// Keeps a sign-in's rotating refresh token outside the process (a saved sign-in), so that every refresh presents the
    /// newest one, also when another process refreshed meanwhile: presenting a used refresh token again looks like a
    /// replay, and the identity service answers it by ending the whole sign-in.
    /// </summary>
    public interface ISignInKeeper
    {
        /// <summary>Holds the keeper's lock (across processes) until disposed; <paramref name="keptRefreshToken"/> is the newest kept one, or null.</summary>
        IDisposable Lock(out string keptRefreshToken);

        /// <summary>Keeps the tokens a refresh just handed out; called while the lock is held.</summary>
        void Keep(SignInTokens tokens);
    }
}
