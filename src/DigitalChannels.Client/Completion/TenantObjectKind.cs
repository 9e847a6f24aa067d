namespace DigitalChannels.Client.Completion
{
    /// <summary>The tenant objects whose names Tab completes.</summary>
    public enum TenantObjectKind
    {
        ConnectService,
        /// <summary>Scope: a service (name, id or pattern); none lists the flows of every service.</summary>
        ConnectFlow,
        ConnectTeammate,
        ConnectGroup,
        /// <summary>Scope: a group (name or id); none lists every team.</summary>
        ConnectTeam,
        WxccSite,
        WxccTeam,
        WxccMultimediaProfile,
        WxccDesktopProfile,
        WxccUser,
        ConnectTemplate,
    }
}
