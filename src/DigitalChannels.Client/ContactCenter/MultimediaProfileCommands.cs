using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.Client.ContactCenter
{
    /// <summary>What New- and Set-WxccMultimediaProfile were given; null means "not given".</summary>
    public sealed class MultimediaProfileSettings
    {
        public string Name { get; set; }
        public string Description { get; set; }
        public BlendingMode? BlendingMode { get; set; }
        public int? Telephony { get; set; }
        public int? Chat { get; set; }
        public int? Email { get; set; }
        public int? Social { get; set; }
        public bool? Active { get; set; }

        public bool IsEmpty => Name == null && Description == null && BlendingMode == null && Telephony == null && Chat == null && Email == null && Social == null && Active == null;

        /// <summary>Applies what was given; the blending mode also sets blendingModeEnabled (EXCLUSIVE is the one unblended mode).</summary>
        internal void ApplyTo(MultimediaProfile profile)
        {
            if (Name != null) profile.Name = Name.Trim();
            if (Description != null) profile.Description = Description;
            if (BlendingMode.HasValue)
            {
                profile.BlendingMode = ContactCenterValidation.ToApi(BlendingMode.Value);
                profile.BlendingModeEnabled = BlendingMode.Value != ContactCenter.BlendingMode.Exclusive;
            }
            if (Telephony.HasValue) profile.Telephony = Telephony;
            if (Chat.HasValue) profile.Chat = Chat;
            if (Email.HasValue) profile.Email = Email;
            if (Social.HasValue) profile.Social = Social;
            if (Active.HasValue) profile.Active = Active;
        }

        internal string Describe()
        {
            var parts = new List<string>();
            if (Name != null) parts.Add($"rename to '{Name}'");
            if (BlendingMode.HasValue) parts.Add($"blending mode {BlendingMode}");
            if (Telephony.HasValue) parts.Add($"telephony {Telephony}");
            if (Chat.HasValue) parts.Add($"chat {Chat}");
            if (Email.HasValue) parts.Add($"email {Email}");
            if (Social.HasValue) parts.Add($"social {Social}");
            if (Description != null) parts.Add("set the description");
            if (Active.HasValue) parts.Add(Active.Value ? "activate" : "deactivate");
            return string.Join(", ", parts);
        }
    }

    /// <summary>What New/Get/Set/Remove-WxccMultimediaProfile do.</summary>
    public static class MultimediaProfileCommands
    {
        public const string Noun = "WxccMultimediaProfile";

        /// <summary>Creates a profile; counts not given are 0, the mode defaults to Blended. Validated before anything is sent.</summary>
        public static async Task NewAsync(ICommandHost host, DigitalChannelsConnection connection, MultimediaProfileSettings settings)
        {
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            var profile = new MultimediaProfile { Active = true, Telephony = 0, Chat = 0, Email = 0, Social = 0 };
            new MultimediaProfileSettings { BlendingMode = settings.BlendingMode ?? BlendingMode.Blended }.ApplyTo(profile);
            settings.ApplyTo(profile);
            ContactCenterValidation.MultimediaProfile(profile);
            if (!host.ShouldProcess($"Multimedia profile '{profile.Name}' ({profile.BlendingMode}: telephony {profile.Telephony}, chat {profile.Chat}, email {profile.Email}, social {profile.Social}) in organization {connection.OrganizationId}", "Create")) return;
            var created = await connection.ContactCenter.MultimediaProfiles.CreateAsync(profile, host.CancellationToken);
            host.WriteVerbose($"Created multimedia profile '{created.Name}' (id {created.Id}).");
            host.WriteObject(created);
        }

        public static Task GetAsync(ICommandHost host, DigitalChannelsConnection connection, string id, string name) =>
            ContactCenterCommandSupport.GetAsync(host, connection.ContactCenter.MultimediaProfiles, id, name, p => p.Name);

        /// <summary>Reads the profile, applies the changes, checks the whole result (a mode change moves the ranges), PUTs it.</summary>
        public static async Task SetAsync(ICommandHost host, DigitalChannelsConnection connection, MultimediaProfileIdentity identity, MultimediaProfileSettings changes, bool passThru)
        {
            if (identity == null) throw new ArgumentNullException(nameof(identity));
            if (changes == null || changes.IsEmpty) throw new ArgumentException("Nothing to change: give -NewName, -Description, -BlendingMode, -Telephony, -Chat, -Email, -Social or -Active.", nameof(changes));
            var client = connection.ContactCenter.MultimediaProfiles;
            var current = await identity.ResolveAsync(client, host.CancellationToken);
            var changed = current.Clone<MultimediaProfile>();
            changes.ApplyTo(changed);
            ContactCenterValidation.MultimediaProfile(changed);
            if (!host.ShouldProcess($"Multimedia profile '{current.Name}' (id {current.Id})", ContactCenterCommandSupport.Capitalize(changes.Describe()))) return;
            var updated = await ContactCenterCommandSupport.UpdateAsync(host, client, current, changed);
            host.WriteVerbose($"Changed multimedia profile '{current.Name}' (id {current.Id}): {changes.Describe()}.");
            if (passThru) host.WriteObject(updated);
        }

        public static Task RemoveAsync(ICommandHost host, DigitalChannelsConnection connection, MultimediaProfileIdentity identity) =>
            ContactCenterCommandSupport.RemoveAsync(host, connection.ContactCenter.MultimediaProfiles, identity);
    }
}
