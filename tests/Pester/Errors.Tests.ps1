#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Error records name their cause (about_DigitalChannels_Errors), seen from a real PowerShell with the BUILT module
    against real sandboxes: FullyQualifiedErrorId, CategoryInfo, TargetObject and RecommendedAction for one cmdlet of
    each family, -ErrorAction Stop throwing the same record, a stopped server and a wrong secret.
#>

Describe 'Error records name their cause' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        Import-BuiltModule | Out-Null
        $script:DataDirectory = Join-Path $TestDrive 'sandbox'
        $script:Sandbox = Start-Sandbox -DataDirectory $DataDirectory
        $script:File = Get-Content -Raw (Join-Path $DataDirectory 'connection.json') | ConvertFrom-Json
        $script:Owner = Connect-DigitalChannels -ConnectionFile $DataDirectory -ReturnConnection -ErrorAction Stop -Scope @(
            'cjp:config_read', 'cjp:config_write', 'connect:config_read', 'connect:config_write', 'engage:config_read', 'engage:config_write')

        # A second sandbox, connected to and then stopped: nothing listens at its address any more.
        $script:StoppedDirectory = Join-Path $TestDrive 'stopped'
        $stoppedProcess = Start-Sandbox -DataDirectory $StoppedDirectory
        $script:StoppedUrl = (Get-Content -Raw (Join-Path $StoppedDirectory 'connection.json') | ConvertFrom-Json).baseUrl.TrimEnd('/')
        $script:Stopped = Connect-DigitalChannels -ConnectionFile $StoppedDirectory -ReturnConnection -ErrorAction Stop
        Stop-Sandbox -Process $stoppedProcess

        # The first error record of a call, with -ErrorAction SilentlyContinue (non-terminating ones included).
        function Get-FirstError([scriptblock] $Call) {
            $caught = $null
            try { & $Call } catch { $caught = $_ }
            if ($caught) { return $caught }
            throw 'The call wrote no error.'
        }

        function Assert-Record($Record, [string] $Id, [string] $Cmdlet, [string] $Category, $Target, [string] $ActionLike) {
            $Record.FullyQualifiedErrorId | Should -Be "$Id,DigitalChannels.PowerShell.Cmdlets.$Cmdlet"
            $Record.CategoryInfo.Category | Should -Be $Category
            $Record.TargetObject | Should -Be $Target
            $Record.ErrorDetails.RecommendedAction | Should -BeLike $ActionLike
        }
    }

    AfterAll {
        Stop-Sandbox -Process $Sandbox
        Remove-Module DigitalChannels -Force -ErrorAction SilentlyContinue
    }

    Context 'Connect-DigitalChannels' {
        It 'a wrong secret is InvalidClient in the module''s words, naming the client id, never MSAL''s' {
            $wrong = ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force
            $record = Get-FirstError { Connect-DigitalChannels -SandboxUrl $File.baseUrl -ClientId $File.clientId -ClientSecret $wrong -ErrorAction Stop }
            Assert-Record $record 'DigitalChannelsConnectionInvalidClient' 'ConnectDigitalChannelsCommand' 'AuthenticationError' $File.clientId '*client id and secret*'
            $record.ToString() | Should -Be "The sandbox at $($File.baseUrl.TrimEnd('/')) refused client id '$($File.clientId)': wrong client id or secret."
            $record.Exception.ToString() | Should -Not -Match 'aka\.ms|registration portal|AADSTS|not-the-secret'
        }

        It 'a stopped server is ServerUnreachable naming the URL, not a raw HttpRequestException' {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $record = Get-FirstError { Connect-DigitalChannels -ConnectionFile $StoppedDirectory -ErrorAction Stop }
            Write-Host "Connect-DigitalChannels to a stopped sandbox failed after $($watch.Elapsed.TotalSeconds.ToString('0.0')) s."
            Assert-Record $record 'DigitalChannelsConnectionServerUnreachable' 'ConnectDigitalChannelsCommand' 'ConnectionError' $StoppedUrl '*sandbox*'
            $record.Exception.GetType().Name | Should -Be 'WebexApiException'
            $record.ToString() | Should -BeLike "*$StoppedUrl*"
        }
    }

    Context 'A cmdlet against a stopped server' {
        It 'Get-ConnectService ends with ServerUnreachable, the same record with and without -ErrorAction Stop' {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $record = Get-FirstError { Get-ConnectService -Connection $Stopped -ErrorAction Stop }
            Write-Host "Get-ConnectService against a stopped sandbox failed after $($watch.Elapsed.TotalSeconds.ToString('0.0')) s."
            Assert-Record $record 'ConnectServiceServerUnreachable' 'GetConnectServiceCommand' 'ConnectionError' $StoppedUrl '*sandbox*'

            # A terminating error: it stops the command even without -ErrorAction Stop, with the same record.
            $plain = Get-FirstError { Get-ConnectService -Connection $Stopped }
            $plain.FullyQualifiedErrorId | Should -Be $record.FullyQualifiedErrorId
            $plain.TargetObject | Should -Be $record.TargetObject
        }

        It 'Invoke-DigitalChannelsLab (lab) reports ServerUnreachable for the steps it cannot read' {
            $fixtures = Join-Path $RepositoryRoot '../shared/fixtures/workflows/v2.1'
            $errors = $null
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $null = Invoke-DigitalChannelsLab -PodId 1 -FlowPath $fixtures -Connection $Stopped -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable errors -InformationAction Ignore
            Write-Host "Invoke-DigitalChannelsLab against a stopped sandbox ended after $($watch.Elapsed.TotalSeconds.ToString('0.0')) s with $($errors.Count) error(s)."
            $errors.Count | Should -BeGreaterThan 0
            Assert-Record $errors[0] 'DigitalChannelsLabServerUnreachable' 'InvokeDigitalChannelsLabCommand' 'ConnectionError' $StoppedUrl '*sandbox*'
        }
    }

    Context 'Contact Center (Wxcc)' {
        It 'a site whose multimedia profile is missing is ReferenceNotFound naming the profile' {
            $errors = $null
            New-WxccSite -Name 'Site X' -MultimediaProfile 'No Such Profile' -Connection $Owner -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable errors
            Assert-Record $errors[0] 'WxccSiteReferenceNotFound' 'NewWxccSiteCommand' 'ObjectNotFound' 'No Such Profile' 'Create the object*'
            $errors[0].ToString() | Should -Be "No multimedia profile is named 'No Such Profile'."

            $thrown = Get-FirstError { New-WxccSite -Name 'Site X' -MultimediaProfile 'No Such Profile' -Connection $Owner -Confirm:$false -ErrorAction Stop }
            $thrown.FullyQualifiedErrorId | Should -Be $errors[0].FullyQualifiedErrorId
            $thrown.CategoryInfo.Category | Should -Be $errors[0].CategoryInfo.Category
            $thrown.TargetObject | Should -Be $errors[0].TargetObject
            $thrown.ErrorDetails.RecommendedAction | Should -Be $errors[0].ErrorDetails.RecommendedAction
        }
    }

    Context 'Engage' {
        It 'a real duplicate is AlreadyExists naming the name' {
            New-EngageTemplate -Name 'Greeting' -Channel chat -Text 'Hello' -Connection $Owner | Out-Null
            $record = Get-FirstError { New-EngageTemplate -Name 'greeting' -Channel chat -Text 'x' -Connection $Owner -ErrorAction Stop }
            Assert-Record $record 'EngageTemplateAlreadyExists' 'NewEngageTemplateCommand' 'ResourceExists' 'greeting' 'Choose another name*'
        }
    }

    Context 'Teammates and Decrypt Logs' {
        It 'Decrypt Logs for a teammate who has not accepted yet is NotActive naming the teammate' {
            New-ConnectTeammate -Email 'admin2@example.com' -Role FullAccess -Connection $Owner -Confirm:$false | Out-Null
            $errors = $null
            Grant-DecryptLogs 'admin2@example.com' -Connection $Owner -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable errors
            Assert-Record $errors[0] 'DecryptLogsNotActive' 'GrantDecryptLogsCommand' 'InvalidOperation' 'admin2@example.com' '*accepts the invitation*'

            $thrown = Get-FirstError { Grant-DecryptLogs 'admin2@example.com' -Connection $Owner -Confirm:$false -ErrorAction Stop }
            $thrown.FullyQualifiedErrorId | Should -Be $errors[0].FullyQualifiedErrorId
            $thrown.CategoryInfo.Category | Should -Be $errors[0].CategoryInfo.Category
            $thrown.TargetObject | Should -Be $errors[0].TargetObject
            $thrown.ErrorDetails.RecommendedAction | Should -Be $errors[0].ErrorDetails.RecommendedAction
        }

        It 'removing the Owner is InvalidValue naming Partner Success, not a permission problem' {
            # -Role Owner is refused as the parameter binds; the server's own refusal (owner.not_self_service) shows here.
            $record = Get-FirstError { Remove-ConnectTeammate -Identity $File.ownerEmail -Connection $Owner -Confirm:$false -ErrorAction Stop }
            $record.FullyQualifiedErrorId | Should -Be 'ConnectTeammateInvalidValue,DigitalChannels.PowerShell.Cmdlets.RemoveConnectTeammateCommand'
            $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $record.Exception.Message | Should -BeLike '*Partner Success*'
            $record.ErrorDetails.RecommendedAction | Should -Not -BeLike '*account whose role*'
        }
    }

    Context 'Stack traces' {
        It 'name no folder of the build machine' {
            $record = Get-FirstError { Get-ConnectService -Connection $Stopped -ErrorAction Stop }
            $trace = $record.Exception.ToString()
            $trace | Should -BeLike '*/_/src/DigitalChannels.Client/*'   # the shipped PDBs give lines, under the mapped root
            $trace | Should -Not -BeLike "*$RepositoryRoot*"
        }
    }
}
