namespace CrmPlatform.Deploy.Tests;

public sealed class CrmShInstallTests
{
    private const string AptInstall = "apt-get install -y -qq postgresql rabbitmq-server";

    [Fact]
    public async Task Install_AsRoot_RunsAptGetDirectly_WithTheNoninteractiveFrontend()
    {
        using var sandbox = new InstallSandbox(userId: 0);

        Assert.Equal(0, await sandbox.InstallAsync());

        Assert.Contains($"{AptInstall} DEBIAN_FRONTEND=noninteractive", sandbox.Calls);
        Assert.DoesNotContain(sandbox.Calls, call => call.StartsWith("sudo "));
    }

    [Fact]
    public async Task Install_AsANormalUser_RunsAptGetThroughSudo_KeepingTheNoninteractiveFrontend()
    {
        using var sandbox = new InstallSandbox(userId: 1000);

        Assert.Equal(0, await sandbox.InstallAsync());

        Assert.Contains($"sudo env DEBIAN_FRONTEND=noninteractive {AptInstall}", sandbox.Calls);
        Assert.Contains($"{AptInstall} DEBIAN_FRONTEND=noninteractive", sandbox.Calls);
        Assert.Contains("sudo apt-get update -qq", sandbox.Calls);
    }

    [Theory]
    [InlineData("test")]
    [InlineData("run")]
    public async Task TheReadmesCommands_AsRoot_OnAFreshRoot_ReachAptGetInstall_BeforeDotnetRuns(string command)
    {
        using var sandbox = new InstallSandbox(userId: 0);

        Assert.Equal(0, await sandbox.RunAsync(command));

        var calls = sandbox.Calls.ToList();
        var install = calls.IndexOf($"{AptInstall} DEBIAN_FRONTEND=noninteractive");
        Assert.True(install >= 0, $"apt-get install was never called: {string.Join(" | ", calls)}");
        Assert.True(install < calls.FindIndex(c => c.StartsWith("dotnet ")), $"dotnet ran before apt-get install: {string.Join(" | ", calls)}");
    }

    [Fact]
    public async Task Install_AsRoot_OnASystemWithoutTheFolderForPolicyRcD_StillReachesAptGetInstall()
    {
        using var sandbox = new InstallSandbox(userId: 0);
        Assert.False(Directory.Exists(Path.GetDirectoryName(sandbox.PolicyFile)));

        Assert.Equal(0, await sandbox.InstallAsync());

        Assert.Contains($"{AptInstall} DEBIAN_FRONTEND=noninteractive", sandbox.Calls);
    }

    [Fact]
    public async Task Install_AsRoot_WhenAptGetUpdateFails_StillReachesAptGetInstall()
    {
        using var sandbox = new InstallSandbox(userId: 0, updateFails: true);

        Assert.Equal(0, await sandbox.InstallAsync());

        Assert.Contains($"{AptInstall} DEBIAN_FRONTEND=noninteractive", sandbox.Calls);
    }

    [Fact]
    public async Task Install_AsRoot_WhenAptGetIsAShellFunction_ReachesItsInstall()
    {
        using var sandbox = new InstallSandbox(userId: 0, updateFails: true, aptGetAsShellFunction: true);

        Assert.Equal(0, await sandbox.InstallAsync());

        Assert.Contains($"{AptInstall} DEBIAN_FRONTEND=noninteractive", sandbox.Calls);
    }

    [Fact]
    public async Task Install_WhenThePackagesServiceStartIsRefused_Succeeds()
    {
        using var sandbox = new InstallSandbox(userId: 0);

        var exitCode = await sandbox.InstallAsync();

        Assert.Contains("service start refused", sandbox.Calls);
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task Install_RemovesThePolicyFileItWrote()
    {
        using var sandbox = new InstallSandbox(userId: 1000);

        await sandbox.InstallAsync();

        Assert.False(File.Exists(sandbox.PolicyFile));
    }

    [Fact]
    public async Task Install_LeavesAPolicyFileThatWasAlreadyThere()
    {
        using var sandbox = new InstallSandbox(userId: 0);
        const string existing = "#!/bin/sh\n# the administrator's own policy\nexit 101\n";
        Directory.CreateDirectory(Path.GetDirectoryName(sandbox.PolicyFile)!);
        File.WriteAllText(sandbox.PolicyFile, existing);
        File.SetUnixFileMode(sandbox.PolicyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        await sandbox.InstallAsync();

        Assert.Equal(existing, File.ReadAllText(sandbox.PolicyFile));
    }

    [Fact]
    public async Task Install_WhenTheServersAreInstalled_CallsNoPackageManager()
    {
        using var sandbox = new InstallSandbox(userId: 0);
        sandbox.ServersAlreadyInstalled();

        Assert.Equal(0, await sandbox.InstallAsync());

        Assert.Empty(sandbox.Calls);
    }
}
