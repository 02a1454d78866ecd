using System.Diagnostics;

namespace CrmPlatform.AppHost.Infrastructure;

/// <summary>Runs a short-lived tool (initdb, rabbitmqctl) to completion.</summary>
internal static class Command
{
    public static async Task<string> Run(string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, bool check = true)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}): {await error}{await output}");
        }

        return await output;
    }

    /// <summary>The same command, as the given OS user when we are root (PostgreSQL refuses to run as root).</summary>
    public static (string FileName, List<string> Arguments) AsUser(string? user, string fileName, IEnumerable<string> arguments) =>
        user is null ? (fileName, arguments.ToList()) : ("runuser", ["-u", user, "--", fileName, .. arguments]);
}
