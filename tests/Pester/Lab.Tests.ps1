#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    The lab engine end to end with the BUILT module (out/DigitalChannels) against a real sandbox whose provisioning and
    Make Live take two seconds: the sandbox operator creates a tenant for pod 7, Invoke-DigitalChannelsLab applies the
    shipped Lab 12 definition (Labs/Lab12.psd1 in the module folder) with Cisco's v2.1 flows from ../shared, and the
    shipped verification pack (Verification/DigitalChannelsLab.Tests.ps1) then passes on the pod. The tests run in order.
#>

Describe 'Invoke-DigitalChannelsLab and the verification pack on a new sandbox tenant' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $script:Fixtures = Join-Path $RepositoryRoot '../shared/fixtures/workflows/v2.1'
        if (-not (Test-Path $Fixtures)) { throw "The lab fixtures are absent: expected Cisco's flow exports in $Fixtures (../shared beside the repository)." }
        Import-BuiltModule | Out-Null
        $script:DataDirectory = Join-Path $TestDrive 'sandbox'
        $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory -ExtraArguments '--provisioning-seconds', '2', '--flow-publish-seconds', '2'
        $operator = Connect-DigitalChannels -ConnectionFile $DataDirectory -Scope 'sandbox:admin' -ReturnConnection -ErrorAction Stop
        $file = Get-Content -Raw (Join-Path $DataDirectory 'connection.json') | ConvertFrom-Json

        # The shipped definition makes the pod's administrator (cl1admin{Pod}) the Connect Owner.
        $tenant = New-DigitalChannelsSandboxTenant -Name 'Pod 7' -AdministratorEmail 'cl1admin7@email.carehybrid.com' -Connection $operator -Confirm:$false -ErrorAction Stop
        $secret = ConvertTo-SecureString $tenant.ClientSecret -AsPlainText -Force
        # sandbox:admin lets the engine read the outbox and follow the JOIN THE TEAM links, as the people would.
        $script:Admin = Connect-DigitalChannels -SandboxUrl $file.baseUrl -ClientId $tenant.ClientId -ClientSecret $secret `
            -Scope 'cjp:config_read', 'cjp:config_write', 'spark-admin:people_read', 'spark-admin:people_write', 'engage:config_read', 'engage:config_write', 'connect:config_read', 'connect:config_write', 'sandbox:admin' `
            -ReturnConnection -ErrorAction Stop
        $script:Pod = New-DigitalChannelsLabPod -Id 7 -Connection $Admin

        # The pack runs in its own runspace: Pester 5 does not support Invoke-Pester inside a running test. The pod (and
        # its connection) is passed in as the object it is; the module's assembly is already loaded in the process.
        function Invoke-VerificationPack {
            $pack = Join-Path (Split-Path $ModuleManifest) 'Verification/DigitalChannelsLab.Tests.ps1'
            $pester = Join-Path (Get-Module Pester).ModuleBase 'Pester.psd1'
            $shell = [powershell]::Create()
            try {
                $null = $shell.AddScript({
                        param($Pester, $Module, $Pack, $Pods, $FlowPath)
                        Import-Module $Pester -ErrorAction Stop
                        Import-Module $Module -ErrorAction Stop
                        $container = New-PesterContainer -Path $Pack -Data @{ Pod = $Pods; FlowPath = $FlowPath }
                        Invoke-Pester -Container $container -PassThru -Output None
                    }).AddArgument($pester).AddArgument($ModuleManifest).AddArgument($pack).AddArgument(@($Pod)).AddArgument($Fixtures)
                $result = @($shell.Invoke()) | Select-Object -Last 1
                if ($shell.Streams.Error.Count -gt 0) { throw "The verification pack wrote errors: $($shell.Streams.Error -join '; ')" }
                $result
            }
            finally {
                $shell.Dispose()
            }
        }
    }

    AfterAll {
        Stop-Sandbox -Process $Sandbox
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    It 'Get-DigitalChannelsLabDefinition reads the shipped definition from the module folder' {
        $definition = Get-DigitalChannelsLabDefinition -FlowPath $Fixtures
        $definition.Name | Should -Be 'Lab 12 - Digital Channels'
        $definition.Source | Should -Be (Join-Path (Split-Path $ModuleManifest) 'Labs/Lab12.psd1')
    }

    It 'the verification pack fails on the new tenant, naming what is missing once, and skips what cannot be checked yet' {
        $result = Invoke-VerificationPack
        $result.FailedCount | Should -BeGreaterThan 0
        $teams = @($result.Failed | Where-Object ExpandedPath -Like '*Create new Teams')
        $teams.Count | Should -Be 1
        $message = $teams[0].ErrorRecord[0].Exception.Message
        ([regex]::Matches($message, "Team 'Team1'")).Count | Should -Be 1 -Because "each failure is stated once: $message"
        $message | Should -Match "Team 'Team1': expected site 'Site'.*, found missing"
        # Connect cannot be read before provisioning: its steps are skipped (naming why), not failed.
        $result.SkippedCount | Should -BeGreaterThan 0
        @($result.Skipped.ExpandedPath) | Should -Contain 'Pod 7.Lab 12.2: 1. Services'
    }

    It 'the verification pack lists the steps in the lab order, not sorted as text' {
        $result = Invoke-VerificationPack
        $expected = @(Test-DigitalChannelsLab -FlowPath $Fixtures -PodId 7 -Connection $Admin | ForEach-Object { "Pod 7.Lab $($_.Lab): $($_.Step)" } | Select-Object -Unique)
        @($result.Tests.ExpandedPath) | Should -Be $expected
        $expected.IndexOf('Pod 7.Lab 12.1: 2. Webex Connect Provisioning') | Should -BeLessThan $expected.IndexOf('Pod 7.Lab 12.1: 3. Webex Connect Provisioning verification (Engage users)')
    }

    It 'Test-DigitalChannelsLab keeps the results apart and its view fits 120 columns with the result first' {
        $checks = @(Test-DigitalChannelsLab -FlowPath $Fixtures -PodId 7 -Connection $Admin)
        @($checks.Result | ForEach-Object ToString | Sort-Object -Unique) | Should -Be @('Failed', 'Passed', 'Skipped')
        $text = $checks | Out-String -Width 120
        $lines = $text -split "`r?`n" | Where-Object { $_ }
        $lines[0] | Should -Match '^Result +Pod +Lab +Target +Expectation +Actual'
        $lines | Where-Object { $_.Length -gt 120 } | Should -BeNullOrEmpty
        $text | Should -Match "(?m)^Failed +7 +12\.5 Team 'Team1'"
        $text | Should -Match '(?m)^Skipped +7 +12\.2 '
    }

    It 'Test-DigitalChannelsLab -ReportPath writes the page, report.json and junit.xml, relative to the current location' {
        Push-Location $TestDrive
        try {
            $null = Test-DigitalChannelsLab -FlowPath $Fixtures -PodId 7 -Connection $Admin -ReportPath 'fresh-report' -InformationAction SilentlyContinue
        }
        finally { Pop-Location }
        $folder = Join-Path $TestDrive 'fresh-report'
        $report = Get-Content -Raw (Join-Path $folder 'report.json') | ConvertFrom-Json
        $report.Pods[0].Id | Should -Be '7'
        $report.Pods[0].Result | Should -Be 'Failed'
        $report.Counts.Skipped | Should -BeGreaterThan 0
        [xml] $junit = Get-Content -Raw (Join-Path $folder 'junit.xml')
        [int] $junit.testsuites.failures | Should -BeGreaterThan 0
        [int] $junit.testsuites.skipped | Should -BeGreaterThan 0
        Get-Content -Raw (Join-Path $folder 'report.html') | Should -Match "<td class=""expected"">site &#39;Site&#39;"
    }

    It 'Invoke-DigitalChannelsLab -WhatIf changes nothing' {
        $rows = @(Invoke-DigitalChannelsLab -FlowPath $Fixtures -PodId 7 -Connection $Admin -WhatIf -InformationAction SilentlyContinue)
        @($rows | Where-Object Result -In 'Created', 'Changed').Count | Should -Be 0
        (Get-DigitalChannelsProvisioning -Connection $Admin).State | Should -Be 'NotProvisioned'
    }

    It 'applies the shipped definition: every step completes and nothing needs a person' {
        $rows = @(Invoke-DigitalChannelsLab -FlowPath $Fixtures -PodId 7 -Connection $Admin -Confirm:$false -InformationAction SilentlyContinue -ErrorAction Stop)
        $problems = @($rows | Where-Object Result -NotIn 'Created', 'Changed', 'Unchanged')
        $problems | Should -BeNullOrEmpty -Because (($problems | ForEach-Object { $_.ToString() }) -join '; ')
        @($rows | Where-Object Result -EQ 'Created').Count | Should -BeGreaterThan 10
    }

    It 'the verification pack passes on the pod with zero failures' {
        $result = Invoke-VerificationPack
        $result.FailedCount | Should -Be 0 -Because (($result.Failed | ForEach-Object { "$($_.ExpandedPath): $($_.ErrorRecord)" }) -join '; ')
        $result.PassedCount | Should -BeGreaterThan 10
        $result.Tests.ExpandedPath | Should -Contain 'Pod 7.Lab 12.5: Step 3.3 Create new Teams'
    }

    It 'a second run changes nothing' {
        $rows = @(Invoke-DigitalChannelsLab -FlowPath $Fixtures -PodId 7 -Connection $Admin -Confirm:$false -InformationAction SilentlyContinue -ErrorAction Stop)
        @($rows | Where-Object Result -In 'Created', 'Changed').Count | Should -Be 0
        @($rows | Where-Object Result -NE 'Unchanged') | Should -BeNullOrEmpty
    }

    It '-PlanPath -WhatIf saves the plan, and -Plan refuses it once the tenant moved, naming what moved' {
        $plan = Join-Path $TestDrive 'plan.json'
        $null = Invoke-DigitalChannelsLab -FlowPath $Fixtures -PodId 7 -Connection $Admin -PlanPath $plan -WhatIf -InformationAction SilentlyContinue
        (Get-Content -Raw $plan | ConvertFrom-Json).Pods[0].Id | Should -Be '7'
        Set-WxccRonaTimeout -Telephony 30 -Connection $Admin
        $refused = $null
        try { Invoke-DigitalChannelsLab -FlowPath $Fixtures -PodId 7 -Connection $Admin -Plan $plan -Confirm:$false -InformationAction SilentlyContinue -ErrorAction Stop }
        catch { $refused = $_ }
        $refused.FullyQualifiedErrorId | Should -BeLike 'DigitalChannelsLabPlanStale,*'
        $refused.Exception.Message | Should -Match "RONA timeouts \(12\.5-rona\): planned as None of 'Telephony 18 s, .*', now Change of 'Telephony 30 s, "
        (Get-WxccRonaTimeout -Connection $Admin).Telephony | Should -Be 30 -Because 'a refused plan changes nothing'
    }

    It 'Compare-DigitalChannelsLab names the one property that moved, in a view of 120 columns, and as JSON' {
        $drift = @(Compare-DigitalChannelsLab -FlowPath $Fixtures -PodId 7 -Connection $Admin)
        $drift.Count | Should -Be 1
        ("$($drift[0].Kind)", $drift[0].Object, $drift[0].Property, $drift[0].Expected, $drift[0].Actual) | Should -Be @('Differs', 'RONA timeouts', 'Telephony', '18 s', '30 s')
        $lines = ($drift | Out-String -Width 120) -split "`r?`n" | Where-Object { $_ }
        $lines[0] | Should -Match '^Kind +Pod +Lab +Object +Property +Expected +Actual'
        $lines | Where-Object { $_.Length -gt 120 } | Should -BeNullOrEmpty
        $all = @(Compare-DigitalChannelsLab -FlowPath $Fixtures -PodId 7 -Connection $Admin -IncludeEqual)
        $all.Count | Should -BeGreaterThan 23
        (($all | ConvertTo-Json -Depth 3) | ConvertFrom-Json | Where-Object Property -EQ 'Telephony').Actual | Should -Be '30 s'
    }

    It 'a tenant a student broke is repaired by running the lab again, pod by pod' {
        Set-WxccRonaTimeout -Telephony 30 -Connection $Admin
        (@(Test-DigitalChannelsLab -FlowPath $Fixtures -PodId 7 -Connection $Admin) | Where-Object { -not $_.Passed }).StepId | Should -Be '12.5-rona'

        $folder = Join-Path $TestDrive 'repair-report'
        $summary = $Pod | Invoke-DigitalChannelsLab -FlowPath $Fixtures -Confirm:$false -InformationAction SilentlyContinue -ErrorAction Stop -ReportPath $folder
        $summary.Pod | Should -Be '7'
        $summary.Changed | Should -Be 1
        $summary.Created | Should -Be 0
        $summary.Passed | Should -BeTrue
        $summary.Result | Should -Be 'Passed'
        (Get-WxccRonaTimeout -Connection $Admin).Telephony | Should -Be 18
        $report = Get-Content -Raw (Join-Path $folder 'report.json') | ConvertFrom-Json
        ($report.Result, $report.Pods[0].Changed, $report.Counts.Failed) | Should -Be @('Passed', 1, 0)
        ($summary | Out-String -Width 120) -split "`r?`n" | Where-Object { $_ } | Select-Object -First 1 | Should -Match '^Result +Pod +Created'
    }

    It 'Invoke-DigitalChannelsLab -ReportPath on one connection verifies after applying and writes the report' {
        $folder = Join-Path $TestDrive 'invoke-report'
        $rows = @(Invoke-DigitalChannelsLab -FlowPath $Fixtures -PodId 7 -Connection $Admin -Confirm:$false -ReportPath $folder -InformationAction SilentlyContinue -ErrorAction Stop)
        @($rows | Where-Object Result -NE 'Unchanged') | Should -BeNullOrEmpty
        [xml] $junit = Get-Content -Raw (Join-Path $folder 'junit.xml')
        ([int] $junit.testsuites.tests, [int] $junit.testsuites.failures, [int] $junit.testsuites.errors, [int] $junit.testsuites.skipped) | Should -Be @(15, 0, 0, 0)
        ($rows | Out-String -Width 120) -split "`r?`n" | Where-Object { $_.Length -gt 120 } | Should -BeNullOrEmpty
    }
}
