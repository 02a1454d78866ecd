using System.Diagnostics;
using CrmPlatform.AppHost.Infrastructure;

namespace CrmPlatform.Deploy.Tests;

/// <summary>
/// Runs <c>./crm.sh install</c> against a scratch system root, with stand-in <c>id</c>, <c>sudo</c>
/// and <c>apt-get</c> first on PATH that record how they were called, so the install path is
/// exercised without touching the machine.
/// </summary>
public sealed class InstallSandbox : IDisposable
{
    private const string AptGetBehindFunction = "apt-get-behind-function";

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"crm-install-{Guid.NewGuid():N}");
    private readonly bool aptGetAsShellFunction;

    /// <param name="updateFails">Whether <c>apt-get update</c> fails, as it does when one package source is unreachable.</param>
    /// <param name="aptGetAsShellFunction">
    /// Whether <c>apt-get</c> is an exported shell function instead of a program on PATH (as a
    /// wrapper or a test harness may define it): only the shell finds it, never <c>env</c>.
    /// </param>
    public InstallSandbox(int userId, bool updateFails = false, bool aptGetAsShellFunction = false)
    {
        this.aptGetAsShellFunction = aptGetAsShellFunction;
        // An empty root, as bare as a fresh machine can be: not even usr/sbin for policy-rc.d.
        Directory.CreateDirectory(SystemRoot);
        Directory.CreateDirectory(StandIns);
        File.WriteAllText(CallLog, "");

        StandIn("id", $"""
            if [ "$1" = "-u" ]; then echo {userId}; else exec /usr/bin/id "$@"; fi
            """);
        // Like the real sudo's env_reset: the caller's environment does not reach the command.
        // Records that the platform's command got as far as .NET, and when.
        StandIn("dotnet", $"""
            echo "dotnet $*" >> '{CallLog}'
            """);
        StandIn("sudo", $"""
            echo "sudo $*" >> '{CallLog}'
            exec env -i PATH="$PATH" "$@"
            """);
        // Like a package whose maintainer script starts its service through invoke-rc.d: the start
        // is skipped when policy-rc.d answers 101, and fails otherwise (no init system here).
        if (aptGetAsShellFunction)
        {
            // What a call that bypasses the function would reach instead of the machine's own apt-get.
            StandIn("apt-get", $"""
                echo "apt-get program $*" >> '{CallLog}'
                exit 1
                """);
        }

        StandIn(aptGetAsShellFunction ? AptGetBehindFunction : "apt-get", $"""
            echo "apt-get $* DEBIAN_FRONTEND=${"{"}DEBIAN_FRONTEND:-{"}"}" >> '{CallLog}'
            [ "$1" = update ] && exit {(updateFails ? 100 : 0)}
            [ "$1" = install ] || exit 0
            policy='{SystemRoot}/usr/sbin/policy-rc.d'
            if [ -x "$policy" ] && {"{"} "$policy" rabbitmq-server start; [ $? -eq 101 ]; {"}"}; then
              echo "service start refused" >> '{CallLog}'
            else
              echo "service start failed" >> '{CallLog}'
              exit 1
            fi
            mkdir -p '{SystemRoot}/usr/lib/postgresql/15/bin' '{SystemRoot}/usr/lib/rabbitmq/bin'
            touch '{SystemRoot}/usr/lib/postgresql/15/bin/postgres' '{SystemRoot}/usr/lib/rabbitmq/bin/rabbitmq-server'
            chmod +x '{SystemRoot}/usr/lib/postgresql/15/bin/postgres' '{SystemRoot}/usr/lib/rabbitmq/bin/rabbitmq-server'
            """);
    }

    public string SystemRoot => Path.Combine(folder, "root");

    public string PolicyFile => Path.Combine(SystemRoot, "usr", "sbin", "policy-rc.d");

    private string StandIns => Path.Combine(folder, "bin");

    private string CallLog => Path.Combine(folder, "calls.log");

    /// <summary>Every call the stand-ins saw, in order, one per line.</summary>
    public IReadOnlyList<string> Calls => File.ReadAllLines(CallLog);

    public void ServersAlreadyInstalled()
    {
        foreach (var binary in new[] { "usr/lib/postgresql/15/bin/postgres", "usr/lib/rabbitmq/bin/rabbitmq-server" })
        {
            var path = Path.Combine(SystemRoot, binary);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Runs <c>./crm.sh install</c>; its exit code.</summary>
    public Task<int> InstallAsync() => RunAsync("install");

    /// <summary>Runs <c>./crm.sh</c> with <paramref name="command"/> (the stand-in <c>dotnet</c> does nothing); its exit code.</summary>
    public async Task<int> RunAsync(string command)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        var crmSh = Path.Combine(BuildInfo.RepoRoot, "crm.sh");
        if (aptGetAsShellFunction)
        {
            // The stand-in's script sits on PATH under another name; only the function calls it.
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add($"apt-get() {{ {AptGetBehindFunction} \"$@\"; }}; export -f apt-get; exec bash '{crmSh}' {command}");
        }
        else
        {
            start.ArgumentList.Add(crmSh);
            start.ArgumentList.Add(command);
        }

        start.Environment["PATH"] = $"{StandIns}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["CRM_SYSTEM_ROOT"] = SystemRoot;
        start.Environment.Remove("DEBIAN_FRONTEND");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await Task.WhenAll(output, error);
        return process.ExitCode;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private void StandIn(string name, string body)
    {
        var path = Path.Combine(StandIns, name);
        File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
