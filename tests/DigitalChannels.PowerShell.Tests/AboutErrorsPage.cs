using System.Text;
using DigitalChannels.Client.Commands;

namespace DigitalChannels.PowerShell.Tests;

/// <summary>
/// The generator of docs/about_DigitalChannels_Errors.md: the prose is fixed here, every table comes from
/// <see cref="ErrorTable"/>, so the page cannot say other than what the module does. The page keeps the PlatyPS
/// about-topic layout (# about_…, ## SHORT DESCRIPTION, ## LONG DESCRIPTION, ## EXAMPLES, ## SEE ALSO, ## KEYWORDS).
/// Regenerate with: DIGITALCHANNELS_WRITE_DOCS=1 dotnet test tests/DigitalChannels.PowerShell.Tests -c Release --filter AboutErrorsPage
/// </summary>
internal static class AboutErrorsPage
{
    public const string FileName = "about_DigitalChannels_Errors.md";

    /// <summary>Failures without an HTTP status that sit in the status table (the rows of "no answer").</summary>
    private static readonly ErrorRule[] TransportRows = [ErrorTable.Timeout, ErrorTable.ConnectionFailed, ErrorTable.ServerUnreachable];

    public static string Render()
    {
        var page = new StringBuilder();
        void Line(string text = "") => page.Append(text).Append('\n');

        Line("# about_DigitalChannels_Errors");
        Line();
        Line("## SHORT DESCRIPTION");
        Line("How DigitalChannels cmdlets report failures: stable error ids that name the cause, error categories, and which errors end a command.");
        Line();
        Line("## LONG DESCRIPTION");
        Line("Every failure of a DigitalChannels cmdlet is an error record with:");
        Line();
        Line("- a stable **error id** of the form `{Noun}{Reason}`, for example `ConnectServiceLocked`. PowerShell shows it as the");
        Line("  FullyQualifiedErrorId `{Noun}{Reason},{cmdlet class}`, for example");
        Line("  `ConnectServiceLocked,DigitalChannels.PowerShell.Cmdlets.SetConnectServiceCommand`. Scripts can test");
        Line("  `$_.FullyQualifiedErrorId -like 'ConnectServiceLocked,*'`, and Pester `Should -Throw -ErrorId 'ConnectServiceLocked'`;");
        Line("- an **ErrorCategory** that matches the cause (see the tables);");
        Line("- the message, with the server's tracking id when there is one (quote it to support), in `ErrorDetails`, and what to");
        Line("  do next in `ErrorDetails.RecommendedAction`;");
        Line("- the thing at fault as `TargetObject`: the missing object's name, the refused value, the teammate, the URL that");
        Line("  nobody answered at, the refused client id; otherwise the item that failed (for example the piped service).");
        Line();
        Line("The noun is the cmdlet's own: `ConnectService` for the `*-ConnectService` cmdlets, `EngageTemplate` for the");
        Line("`*-EngageTemplate` cmdlets (likewise `ConnectFlow`, `ConnectTeammate`, `WxccTeam`, `EngageAttachmentSetting`, …), and");
        Line("`DigitalChannelsConnection` for `Connect-DigitalChannels`, `Get-DigitalChannelsConnection`,");
        Line("`Select-DigitalChannelsConnection` and `Disconnect-DigitalChannels`. `Grant-DecryptLogs` and `Revoke-DecryptLogs` (named after the portal's Decrypt Logs");
        Line("permission, without the `Connect` prefix) give `DecryptLogs{Reason}`, for example `DecryptLogsNotActive`.");
        Line();
        Line("### How the reason is chosen");
        Line("The reason is the cause, as the server names it: the `errorKey` of the sandbox's problem documents (Connect, Engage,");
        Line("provisioning, administration), the OAuth `error` of the identity service, and the `error.reason` text of the Contact");
        Line("Center API (whose `error.key` is only the status). Only when the answer names no reason that the module knows (the");
        Line("Webex People API names none) does the HTTP status decide. So a duplicate is `{Noun}AlreadyExists`, but a 409 for any");
        Line("other cause has its own id (`{Noun}NotActive`, `{Noun}NotSaved`, …), and a 409 without a reason is `{Noun}Conflict`.");
        Line("`{Noun}Forbidden` means the signed-in teammate's role is the cause; other refusals name theirs.");
        Line();
        Line("### Per-item and terminating errors");
        Line("Most failures concern one item: the cmdlet writes a non-terminating error and goes on with the next piped item, so");
        Line("`Get-ConnectService 'Lab*' | Set-ConnectService -Locked` locks every service it can. Failures that would fail every");
        Line("further item the same way end the command (a terminating error): no connection, no public API on a live tenant, a");
        Line("refused sign-in or token, and a server that cannot be reached. A refused connection (nothing listens at the address)");
        Line("or an unknown host fails at once, without retries, as `{Noun}ServerUnreachable` from every cmdlet and from");
        Line("`Connect-DigitalChannels`; 429, 503, resets and timeouts are retried first, honouring `Retry-After`.");
        Line();
        Line("The cmdlets never read `$ErrorActionPreference` themselves: PowerShell applies `-ErrorAction` and");
        Line("`$ErrorActionPreference` as for any cmdlet. In scripts and runbooks use `-ErrorAction Stop` (or");
        Line("`$ErrorActionPreference = 'Stop'`) to turn every error into an exception that `try`/`catch` sees; it carries the same");
        Line("error record.");
        Line();
        Line("### Reasons the server names");
        Line();
        Line("| Server reason | From | Error id | ErrorCategory | Kind | What to do |");
        Line("|---|---|---|---|---|---|");
        foreach (var rule in ErrorTable.ServerReasons)
            Line(Row($"`{rule.Reason}`", Source(rule.Source), Id(rule), rule.Category.ToString(), Kind(rule), rule.RecommendedAction));
        Line();
        Line("### HTTP status and failure to error id and ErrorCategory");
        Line("When the answer names no known reason (and for failures without an answer):");
        Line();
        Line("| HTTP status | Error id | ErrorCategory | Kind | What to do |");
        Line("|---|---|---|---|---|");
        foreach (var rule in ErrorTable.StatusFallbacks.Concat(TransportRows))
            Line(Row(rule.Reason, Id(rule), rule.Category.ToString(), Kind(rule), rule.RecommendedAction));
        Line();
        Line("### Failures without an HTTP status");
        Line();
        Line("| Cause | Error id | ErrorCategory | Kind | What to do |");
        Line("|---|---|---|---|---|");
        foreach (var rule in ErrorTable.ClientConditions.Where(r => !TransportRows.Contains(r)))
            Line(Row(rule.Cause, Id(rule), rule.Category.ToString(), Kind(rule), rule.RecommendedAction));
        Line();
        Line("Ctrl+C stops a running cmdlet at once: the call in flight is cancelled and the pipeline stops without an error record.");
        Line();
        Line("### Sign-in");
        Line("A wrong client id or secret is `DigitalChannelsConnectionInvalidClient`, in the module's own words (\"The sandbox at");
        Line("… refused client id '…': wrong client id or secret.\") with the client id as `TargetObject`; the secret is never shown.");
        Line();
        Line("### Live tenants and Webex Connect");
        Line("Webex Connect has no public administration API on live tenants. Against a connection made with `-Region`, the");
        Line("`*-ConnectService` cmdlets stop with `ConnectServiceNoPublicApi`, whose message names the portal page that does the");
        Line("same (for example Services > CREATE NEW SERVICE). The DigitalChannels sandbox offers these operations as an API, so");
        Line("scripts can be written and tested offline.");
        Line();
        Line("## EXAMPLES");
        Line();
        Line("```powershell");
        Line("try {");
        Line("    Set-ConnectService 'Lab A' -Description 'New text' -ErrorAction Stop");
        Line("}");
        Line("catch {");
        Line("    if ($_.FullyQualifiedErrorId -like 'ConnectServiceLocked,*') {");
        Line("        Set-ConnectService 'Lab A' -Locked:$false -Description 'New text' -Confirm:$false");
        Line("    }");
        Line("    else { throw }");
        Line("}");
        Line("```");
        Line();
        Line("```powershell");
        Line("# Decrypt Logs waits until the teammate has accepted the invitation");
        Line("Grant-DecryptLogs 'admin2@example.com' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failed");
        Line("if ($failed -and $failed[0].FullyQualifiedErrorId -like 'DecryptLogsNotActive,*') {");
        Line("    Write-Warning \"$($failed[0].TargetObject) has not joined yet: $($failed[0].ErrorDetails.RecommendedAction)\"");
        Line("}");
        Line("```");
        Line();
        Line("## SEE ALSO");
        Line();
        Line("[Connect-DigitalChannels](Connect-DigitalChannels.md)");
        Line();
        Line("[about_CommonParameters](https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_commonparameters)");
        Line();
        Line("## KEYWORDS");
        Line("DigitalChannels, ErrorId, FullyQualifiedErrorId, ErrorCategory");
        return page.ToString();
    }

    private static string Row(params string[] cells) => "| " + string.Join(" | ", cells.Select(Cell)) + " |";

    /// <summary>A table cell on one line; a literal | would split the cell.</summary>
    private static string Cell(string text) => (text ?? string.Empty).Replace("\r", " ").Replace("\n", " ").Replace("|", "\\|");

    private static string Id(ErrorRule rule) => rule.WithoutNoun ? $"`{rule.Suffix}`" : $"`{{Noun}}{rule.Suffix}`";

    private static string Kind(ErrorRule rule) => rule.EndsCommand ? "Terminating" : "Non-terminating";

    private static string Source(ErrorSource source) => source switch
    {
        ErrorSource.Sandbox => "problem `errorKey`",
        ErrorSource.OAuth => "OAuth `error`",
        ErrorSource.ContactCenter => "Contact Center `error.reason`",
        _ => source.ToString(),
    };
}
