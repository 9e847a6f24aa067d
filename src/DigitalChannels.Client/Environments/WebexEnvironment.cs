using System;
using System.Collections.Generic;
using System.Linq;

namespace DigitalChannels.Client.Environments
{
    /// <summary>
    /// Where each API of one tenant lives: a Webex region (identity and people at webexapis.com, Contact Center at
    /// api.wxcc-{dc}.cisco.com, no public Connect administration API) or a sandbox (everything under one base URL).
    /// </summary>
    public sealed class WebexEnvironment
    {
        /// <summary>The Webex Contact Center data centres, as the region map of platform-facts §1.1.</summary>
        public static readonly IReadOnlyList<string> Regions = new[] { "us1", "eu1", "eu2", "anz1", "ca1", "jp1", "sg1", "in1" };

        private static readonly Uri WebexIdentity = new Uri("https://webexapis.com/v1/");

        /// <summary>
        /// Contact Center region → the Digital Channel Onboarding API's regional host (developer.webex.com, Webex Connect
        /// "API Endpoints and Regions"): eu1 is London (uk), eu2 the EU environment (eu); Japan shares Sydney's (au).
        /// </summary>
        private static readonly IReadOnlyDictionary<string, string> OnboardingHosts = new Dictionary<string, string>
        {
            ["us1"] = "assetmanagement.us.webexconnect.io",
            ["eu1"] = "assetmanagement.uk.webexconnect.io",
            ["eu2"] = "assetmanagement.eu.webexconnect.io",
            ["anz1"] = "assetmanagement.au.webexconnect.io",
            ["ca1"] = "assetmanagement.ca.webexconnect.io",
            ["jp1"] = "assetmanagement.au.webexconnect.io",
            ["sg1"] = "assetmanagement.sg.webexconnect.io",
            ["in1"] = "assetmanagement.in.webexconnect.io",
        };

        private WebexEnvironment(string name, bool isSandbox, Uri identity, Uri contactCenter, Uri connectAdministration, Uri oidcAuthority, Uri onboarding)
        {
            OnboardingBaseUri = onboarding;
            Name = name;
            IsSandbox = isSandbox;
            IdentityBaseUri = identity;
            ContactCenterBaseUri = contactCenter;
            ConnectAdministrationBaseUri = connectAdministration;
            OidcAuthority = oidcAuthority;
        }

        /// <summary>"us1" … "in1", or "sandbox".</summary>
        public string Name { get; }

        public bool IsSandbox { get; }

        /// <summary>Identity and People API root, ending in <c>/v1/</c>.</summary>
        public Uri IdentityBaseUri { get; }

        /// <summary>Contact Center configuration API root; paths continue with <c>organization/{orgid}/…</c>.</summary>
        public Uri ContactCenterBaseUri { get; }

        /// <summary>The sandbox's Connect administration API root (<c>…/connect/v1/</c>); null for live tenants, where there is none.</summary>
        public Uri ConnectAdministrationBaseUri { get; }

        /// <summary>
        /// The Webex Connect Digital Channel Onboarding API root, ending in <c>/connectapi/</c> (paths continue with
        /// <c>v2/digital/app</c>): the region's assetmanagement host, or the same paths on the sandbox.
        /// </summary>
        public Uri OnboardingBaseUri { get; }

        /// <summary>The OIDC authority handed to MSAL.</summary>
        public Uri OidcAuthority { get; }

        /// <summary>For a sandbox: its base URL (no trailing slash). Null for live regions.</summary>
        public Uri SandboxBaseUri => IsSandbox ? new Uri(ContactCenterBaseUri.GetLeftPart(UriPartial.Authority) + ContactCenterBaseUri.AbsolutePath.TrimEnd('/')) : null;

        public static WebexEnvironment ForRegion(string region)
        {
            var dc = (region ?? string.Empty).Trim().ToLowerInvariant();
            if (!Regions.Contains(dc))
                throw new ArgumentException($"'{region}' is not a Webex Contact Center region. Use one of: {string.Join(", ", Regions)}.", nameof(region));
            return new WebexEnvironment(dc, false, WebexIdentity, new Uri($"https://api.wxcc-{dc}.cisco.com/"), null, WebexIdentity,
                new Uri($"https://{OnboardingHosts[dc]}/connectapi/"));
        }

        public static WebexEnvironment ForSandbox(Uri baseUrl)
        {
            if (baseUrl == null) throw new ArgumentNullException(nameof(baseUrl));
            if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException($"'{baseUrl}' is not an absolute http(s) URL for a sandbox.", nameof(baseUrl));
            var root = new Uri(baseUrl.GetLeftPart(UriPartial.Authority) + baseUrl.AbsolutePath.TrimEnd('/') + "/");
            // MSAL accepts only https authorities and checks the discovered issuer against it, so the sandbox publishes
            // the https form of its URL as issuer; SandboxAuthorityHandler sends MSAL's discovery call to the real URL.
            var authority = new UriBuilder(new Uri(root, "v1/")) { Scheme = Uri.UriSchemeHttps, Port = root.Port }.Uri;
            return new WebexEnvironment("sandbox", true, new Uri(root, "v1/"), root, new Uri(root, "connect/v1/"), authority, new Uri(root, "connectapi/"));
        }

        public static WebexEnvironment ForSandbox(string baseUrl)
        {
            if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                throw new ArgumentException($"'{baseUrl}' is not an absolute http(s) URL for a sandbox.", nameof(baseUrl));
            return ForSandbox(uri);
        }

        public override string ToString() => IsSandbox ? $"sandbox {SandboxBaseUri}" : Name;
    }
}
