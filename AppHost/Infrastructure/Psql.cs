using System.Diagnostics;
using System.Text;
using Npgsql;

namespace CrmPlatform.AppHost.Infrastructure;

/// <summary>
/// Runs a SQL file with psql, exactly as an administrator would with <c>psql -v name=value -f file</c>:
/// the files use psql's own variable quoting (<c>:"identifier"</c>, <c>:'literal'</c>) and <c>\gexec</c>,
/// so psql, not our code, substitutes them. Variables and the connection travel on stdin and in the
/// environment, never on a command line another user could read.
/// </summary>
public static class Psql
{
    public static async Task RunFileAsync(string connectionString, string file, IReadOnlyDictionary<string, string> variables)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(FindPsql())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-X", "-q", "-v", "ON_ERROR_STOP=1" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString();
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGPASSWORD"] = connection.Password;
        start.Environment["PGDATABASE"] = connection.Database;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(Script(file, variables));
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"psql failed ({process.ExitCode}) on {Path.GetFileName(file)} in {connection.Database}: {await error}{await output}");
        }
    }

    /// <summary>What psql reads on stdin: the variables, then the file, as <c>-v</c> and <c>-f</c> would give them.</summary>
    public static string Script(string file, IReadOnlyDictionary<string, string> variables)
    {
        var script = new StringBuilder();
        foreach (var (name, value) in variables)
        {
            script.Append($"\\set {name} {Quote(value)}\n");
        }

        return script.Append($"\\i {Quote(file)}\n").ToString();
    }

    /// <summary>
    /// A psql meta-command argument holding exactly <paramref name="value"/>: inside single quotes psql
    /// reads a doubled quote as one quote and a backslash as the start of an escape, and a line
    /// break would end the command.
    /// </summary>
    public static string Quote(string value) =>
        "'" + value.Replace("\\", "\\\\").Replace("'", "''").Replace("\n", "\\n").Replace("\r", "\\r") + "'";

    /// <summary>The newest server version's psql, which matches the server we start; the one on PATH otherwise.</summary>
    private static string FindPsql() =>
        (Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [])
            .Select(version => Path.Combine(version, "bin", "psql"))
            .Where(File.Exists)
            .OrderByDescending(path => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))), out var major) ? major : 0)
            .FirstOrDefault()
        ?? "psql";
}
