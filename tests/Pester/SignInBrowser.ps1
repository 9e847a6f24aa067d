<#
    The administrator in the browser, for the sign-in tests: given the URL that Connect-DigitalChannels -Interactive
    opens (DIGITALCHANNELS_BROWSER runs this with the URL) or the device flow's verification URL, headless Chromium signs
    in on the sandbox's page and answers the consent or approval page; the text of the last page (the module's loopback answer) goes to -ResultPath. chromedriver is
    spoken to with the W3C WebDriver protocol over Invoke-RestMethod, as HeadlessChromium.cs does in the xUnit tests.
#>
param(
    [Parameter(Mandatory)] [string] $Url,
    [Parameter(Mandatory)] [string] $Email,
    [Parameter(Mandatory)] [string] $Password,
    [Parameter(Mandatory)] [string] $ResultPath,
    [ValidateSet('allow', 'deny', 'approve')] [string] $Decision = 'allow'
)
$ErrorActionPreference = 'Stop'
$elementKey = 'element-6066-11e4-a52e-4f735466cecf'
$listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
$listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
$profile = Join-Path ([System.IO.Path]::GetTempPath()) ("dc-chromium-" + [guid]::NewGuid().ToString('N'))
$driver = Start-Process -FilePath '/usr/bin/chromedriver' -ArgumentList "--port=$port", '--allowed-ips=127.0.0.1' -PassThru `
    -RedirectStandardOutput "$ResultPath.driver.out" -RedirectStandardError "$ResultPath.driver.err"
$base = "http://127.0.0.1:$port"
$session = $null
function Send([string] $Method, [string] $Path, $Body) {
    $arguments = @{ Method = $Method; Uri = "$base/session/$session/$Path"; TimeoutSec = 60 }
    if ($null -ne $Body) { $arguments.Body = ($Body | ConvertTo-Json -Depth 8 -Compress); $arguments.ContentType = 'application/json' }
    (Invoke-RestMethod @arguments).value
}
function Find([string] $Css) {
    # A click's navigation may still be under way: the element is waited for (20 s), as a user waits for the next page.
    $deadline = (Get-Date).AddSeconds(20)
    while ($true) {
        $found = @(Send Post 'elements' @{ using = 'css selector'; value = $Css })
        if ($found.Count -gt 0) { return $found[0].$elementKey }
        if ((Get-Date) -gt $deadline) { throw "No '$Css' on the page: $(Read-Page)" }
        Start-Sleep -Milliseconds 100
    }
}
function Read-Page {
    # The body's text; read again when the page was replaced between finding the body and reading it.
    for ($i = 0; ; $i++) {
        try { return Send Get "element/$((Send Post 'element' @{ using = 'css selector'; value = 'body' }).$elementKey)/text" }
        catch { if ($i -ge 20) { throw } ; Start-Sleep -Milliseconds 100 }
    }
}
function Wait-PageGone([string] $Css) {
    # The decision's page stays until its form's answer arrives: the result is the page after it.
    $deadline = (Get-Date).AddSeconds(30)
    while (@(Send Post 'elements' @{ using = 'css selector'; value = $Css }).Count -gt 0 -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 100 }
}
try {
    $deadline = (Get-Date).AddSeconds(20)
    while ($true) {
        try { Invoke-RestMethod "$base/status" -TimeoutSec 2 | Out-Null; break } catch { if ((Get-Date) -gt $deadline) { throw } ; Start-Sleep -Milliseconds 100 }
    }
    $capabilities = @{ capabilities = @{ alwaysMatch = @{ browserName = 'chrome'; 'goog:chromeOptions' = @{
        binary = '/usr/bin/chromium'
        args = @('--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', "--user-data-dir=$profile")
    } } } }
    $session = (Invoke-RestMethod -Method Post "$base/session" -Body ($capabilities | ConvertTo-Json -Depth 8 -Compress) -ContentType 'application/json' -TimeoutSec 60).value.sessionId
    Send Post 'url' @{ url = $Url } | Out-Null
    Send Post "element/$(Find 'input[name=email]')/value" @{ text = $Email } | Out-Null
    Send Post "element/$(Find 'input[name=password]')/value" @{ text = $Password } | Out-Null
    Send Post "element/$(Find 'button[type=submit]')/click" @{} | Out-Null
    Send Post "element/$(Find "button[value=$Decision]")/click" @{} | Out-Null
    Wait-PageGone "button[value=$Decision]"
    Set-Content -Path $ResultPath -Value (Read-Page)
}
catch {
    Set-Content -Path $ResultPath -Value "FAILED: $_"
}
finally {
    if ($session) { try { Invoke-RestMethod -Method Delete "$base/session/$session" -TimeoutSec 20 | Out-Null } catch { } }
    Stop-Process -Id $driver.Id -Force -ErrorAction SilentlyContinue
    Remove-Item -Recurse -Force $profile -ErrorAction SilentlyContinue
}
