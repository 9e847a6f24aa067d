using System.Text.RegularExpressions;
using DigitalChannels.Sandbox.Errors;
using DigitalChannels.Sandbox.Identity;
using DigitalChannels.Sandbox.Tenancy;

namespace DigitalChannels.Sandbox.Connect.Teammates;

/// <summary>
/// The rules of lab 12.4 that a role alone does not express: the one Owner (rules 26, 29), containers (rule 31),
/// and what a valid email, name and password are. Each refusal names what was refused and what to do instead.
/// </summary>
public static partial class TeammateRules
{
    public const int MaximumNameLength = 100;
    public const int MinimumPasswordLength = 8;
    public const int MaximumPasswordLength = 128;

    private const string PartnerSuccess = "Changing the Owner needs Cisco's Partner Success team (PSM); it is not self-service.";

    /// <summary>Nobody, the Owner included, gives the Owner role through the API: a tenant has one Owner, chosen at provisioning.</summary>
    public static void EnsureNotOwnerRole(ConnectRole role, string action)
    {
        if (role == ConnectRole.Owner)
            throw ApiError.Forbidden(ErrorKeys.OwnerNotSelfService,
                $"The role 'Owner' cannot be used to {action}: a tenant has exactly one Owner, the account chosen at provisioning. {PartnerSuccess}").About("Owner").ToException();
    }

    /// <summary>The Owner cannot be removed, demoted or otherwise replaced through the API.</summary>
    public static void EnsureNotTheOwner(SandboxUser target, string action)
    {
        if (target.Role == ConnectRole.Owner)
            throw ApiError.Forbidden(ErrorKeys.OwnerNotSelfService,
                $"'{target.Email}' is the tenant's Owner and cannot be {action} through the API. {PartnerSuccess}").About(target.Email).ToException();
    }

    /// <summary>A caller places teammates only in its own container or below it (lab rule 31).</summary>
    public static void EnsureWithinReach(Caller caller, ConnectContainer target, string targetName)
    {
        if (!caller.Container.Contains(target))
            throw ApiError.Forbidden(ErrorKeys.ContainerOutOfReach,
                $"A teammate in a {caller.Container.Level.ToLowerInvariant()} cannot act on {targetName}: teammates manage only their own container and those below it, never those above or beside it.").ToException();
    }

    public static ConnectRole ParseRole(string text)
    {
        if (!ConnectRoles.TryParse(text, out var role))
            throw ApiError.BadRequest(ErrorKeys.InvalidField,
                $"The role '{text}' is not a Connect role; use one of {string.Join(", ", ConnectRoles.Names)}.").ToException();
        return role;
    }

    public static string ValidEmail(string raw)
    {
        var email = raw.Trim();
        if (email.Length > 254 || !EmailPattern().IsMatch(email))
            throw ApiError.BadRequest(ErrorKeys.InvalidField,
                $"The field 'email' must be a working email address such as 'name@example.com', not '{email}'.").ToException();
        return email;
    }

    public static string ValidName(string field, string raw)
    {
        var name = raw.Trim();
        if (name.Length == 0)
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field '{field}' must not be empty or blank (got '{raw}').").ToException();
        if (name.Length > MaximumNameLength)
            throw ApiError.BadRequest(ErrorKeys.InvalidField,
                $"The field '{field}' has {name.Length} characters; at most {MaximumNameLength} are allowed ('{name[..40]}…').").ToException();
        if (name.Any(char.IsControl))
            throw ApiError.BadRequest(ErrorKeys.InvalidField, $"The field '{field}' must not contain control characters (got '{name.ReplaceLineEndings(" ")}').").ToException();
        return name;
    }

    /// <summary>The errors describe the password (its length, what it lacks), never show it.</summary>
    public static string ValidPassword(string password)
    {
        if (password.Length < MinimumPasswordLength || password.Length > MaximumPasswordLength)
            throw ApiError.BadRequest(ErrorKeys.InvalidField,
                $"The field 'password' must have {MinimumPasswordLength} to {MaximumPasswordLength} characters; the one given has {password.Length} (it is not shown).").ToException();
        if (!password.Any(char.IsLetter) || !password.Any(char.IsDigit))
            throw ApiError.BadRequest(ErrorKeys.InvalidField,
                "The field 'password' must contain at least one letter and one digit (the password given is not shown).").ToException();
        return password;
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
