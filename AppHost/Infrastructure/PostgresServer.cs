using System.Diagnostics;
using Npgsql;

namespace CrmPlatform.AppHost.Infrastructure;

/// <summary>
/// A private PostgreSQL instance run from the machine's server binaries: its own data folder,
/// loopback only, its own port and socket folder, password authentication. Its log is kept in
/// postgres/log under the data root.
/// </summary>
public sealed class PostgresServer : IDatabaseServer
{
    private const string Superuser = "postgres";
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    private readonly string folder;
    private readonly string dataDirectory;
    private readonly string binaries;
    private readonly string password;
    private readonly bool durable;
    private readonly string? runAs = Native.IsRoot ? "postgres" : null;
    private Process? server;

    public PostgresServer(string dataRoot, bool durable)
    {
        this.durable = durable;
        folder = Path.Combine(dataRoot, "postgres");
        dataDirectory = Path.Combine(folder, "data");
        binaries = FindBinaries();
        password = Secrets.Stored(dataRoot, "postgres-superuser");
        Port = FreePort.Pick();
    }

    public int Port { get; }

    public string SuperuserConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = Superuser,
        Password = password,
        Pooling = false,
    }.ConnectionString;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        if (runAs is not null)
        {
            await Command.Run("chown", ["-R", runAs, folder]);
        }

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await InitializeCluster();
        }

        await StopStaleServer();

        var (fileName, arguments) = Command.AsUser(runAs, Path.Combine(binaries, "postgres"),
        [
            "-D", dataDirectory, "-p", Port.ToString(), "-k", folder,
            "-c", "listen_addresses=127.0.0.1",
            "-c", "max_connections=400",
            // The server's own log, where a user looks when a service reports a database error.
            "-c", "logging_collector=on", "-c", $"log_directory={Path.Combine(folder, "log")}",
            "-c", "log_filename=postgresql-%Y-%m-%d.log",
            .. DurabilitySettings(durable),
        ]);
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ForEach(start.ArgumentList.Add);
        server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();

        await WaitUntilReady(cancellationToken);
    }

    /// <summary>
    /// Settings that decide whether a committed write survives a power cut: on for data a user keeps;
    /// off only for throwaway test servers, where they make the suites several times faster.
    /// </summary>
    public static IReadOnlyList<string> DurabilitySettings(bool durable)
    {
        var value = durable ? "on" : "off";
        return ["-c", $"fsync={value}", "-c", $"synchronous_commit={value}", "-c", $"full_page_writes={value}"];
    }

    public async Task StopAsync()
    {
        if (PostmasterPid() is { } pid)
        {
            await FastShutdown(pid);
        }

        if (server is { HasExited: false })
        {
            using var timeout = new CancellationTokenSource(ShutdownTimeout);
            await server.WaitForExitAsync(timeout.Token);
        }

        server = null;
    }

    /// <summary>
    /// A database owned by its own owner role (which migrations run as), plus an application role
    /// that owns nothing and can neither bypass row-level security nor create anything: the files
    /// of deploy/postgres, applied as a real deployment applies them.
    /// </summary>
    public static async Task<DatabaseInfo> EnsureDatabaseAsync(IDatabaseServer server, string name, string dataRoot)
    {
        var owner = DatabaseProvisioning.OwnerRole(name);
        var app = DatabaseProvisioning.AppRole(name);
        var ownerPassword = Secrets.Stored(dataRoot, $"{owner}-password");
        var appPassword = Secrets.Stored(dataRoot, $"{app}-password");

        await DatabaseProvisioning.ApplyAsync(server, DatabaseProvisioning.Variables(name, ownerPassword, appPassword));

        return new DatabaseInfo(
            name,
            ConnectionString(server, name, app, appPassword),
            ConnectionString(server, name, owner, ownerPassword));
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static string ConnectionString(IDatabaseServer server, string database, string user, string password) =>
        new NpgsqlConnectionStringBuilder(server.SuperuserConnectionString(database)) { Username = user, Password = password, Pooling = true }.ConnectionString;

    private async Task InitializeCluster()
    {
        var passwordFile = Path.Combine(folder, "pwfile");
        await File.WriteAllTextAsync(passwordFile, password);
        if (runAs is not null)
        {
            await Command.Run("chown", [runAs, passwordFile]);
        }

        try
        {
            var (fileName, arguments) = Command.AsUser(runAs, Path.Combine(binaries, "initdb"),
                ["-D", dataDirectory, "-U", Superuser, "--pwfile", passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"]);
            await Command.Run(fileName, arguments);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>A server left running by a platform that was killed, not stopped, still holds the data folder.</summary>
    private async Task StopStaleServer()
    {
        if (PostmasterPid() is { } pid && Native.IsAlive(pid))
        {
            await FastShutdown(pid);
        }
    }

    /// <summary>SIGINT is PostgreSQL's fast shutdown: roll back sessions, checkpoint, exit.</summary>
    private static async Task FastShutdown(int pid)
    {
        Native.Signal(pid, Native.SigInt);
        var deadline = DateTime.UtcNow + ShutdownTimeout;
        while (Native.IsAlive(pid) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    private int? PostmasterPid()
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        try
        {
            return File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private async Task WaitUntilReady(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(SuperuserConnectionString());
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException && DateTime.UtcNow < deadline)
            {
                if (server is { HasExited: true })
                {
                    throw new InvalidOperationException($"PostgreSQL exited with code {server.ExitCode} while starting.", e);
                }

                await Task.Delay(200, cancellationToken);
            }
        }
    }

    /// <summary>The newest installed major version's bin folder, e.g. /usr/lib/postgresql/15/bin.</summary>
    private static string FindBinaries() =>
        (Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [])
            .Where(version => File.Exists(Path.Combine(version, "bin", "postgres")))
            .OrderByDescending(version => int.TryParse(Path.GetFileName(version), out var major) ? major : 0)
            .Select(version => Path.Combine(version, "bin"))
            .FirstOrDefault()
        ?? throw new InvalidOperationException("No PostgreSQL server binaries under /usr/lib/postgresql: install the postgresql package (./crm.sh does).");
}
