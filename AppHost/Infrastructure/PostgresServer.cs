using System.Diagnostics;
using Npgsql;

namespace CrmPlatform.AppHost.Infrastructure;

/// <summary>
/// A private PostgreSQL instance run from the machine's server binaries: its own data folder,
/// loopback only, its own port and socket folder, password authentication.
/// </summary>
public sealed class PostgresServer : IDatabaseServer
{
    private const string Superuser = "postgres";

    private readonly string folder;
    private readonly string dataDirectory;
    private readonly string binaries;
    private readonly string password;
    private readonly string? runAs = Native.IsRoot ? "postgres" : null;
    private Process? server;

    public PostgresServer(string dataRoot)
    {
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

        StopStaleServer();

        var (fileName, arguments) = Command.AsUser(runAs, Path.Combine(binaries, "postgres"),
        [
            "-D", dataDirectory, "-p", Port.ToString(), "-k", folder,
            "-c", "listen_addresses=127.0.0.1",
            "-c", "max_connections=400",
            // A development and test server: speed over durability across power loss.
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
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

    public async Task StopAsync()
    {
        if (PostmasterPid() is { } pid)
        {
            // SIGINT is PostgreSQL's fast shutdown: roll back sessions, checkpoint, exit.
            Native.Signal(pid, Native.SigInt);
            for (var i = 0; i < 100 && Native.IsAlive(pid); i++)
            {
                await Task.Delay(100);
            }
        }

        if (server is { HasExited: false })
        {
            await server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        server = null;
    }

    /// <summary>
    /// A database owned by its own owner role (which migrations run as), plus an application role
    /// that owns nothing and can neither bypass row-level security nor create anything.
    /// </summary>
    public static async Task<DatabaseInfo> EnsureDatabaseAsync(IDatabaseServer server, string name, string dataRoot)
    {
        var owner = $"{name}_owner";
        var app = $"{name}_app";
        var ownerPassword = Secrets.Stored(dataRoot, $"{owner}-password");
        var appPassword = Secrets.Stored(dataRoot, $"{app}-password");

        await using (var admin = new NpgsqlConnection(server.SuperuserConnectionString()))
        {
            await admin.OpenAsync();
            await EnsureRole(admin, owner, ownerPassword, "LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE");
            await EnsureRole(admin, app, appPassword, "LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE");
            if (await Scalar(admin, $"SELECT count(*) FROM pg_database WHERE datname = '{name}'") == 0)
            {
                await Execute(admin, $"CREATE DATABASE \"{name}\" OWNER \"{owner}\"");
            }
        }

        await using (var database = new NpgsqlConnection(server.SuperuserConnectionString(name)))
        {
            await database.OpenAsync();
            await Execute(database, $"""
                ALTER SCHEMA public OWNER TO "{owner}";
                REVOKE CREATE ON SCHEMA public FROM PUBLIC;
                REVOKE ALL ON DATABASE "{name}" FROM PUBLIC;
                GRANT CONNECT ON DATABASE "{name}" TO "{app}";
                GRANT USAGE ON SCHEMA public TO "{app}";
                -- Bulk writes stage rows in session-private temporary tables (COPY cannot target an RLS table).
                GRANT TEMPORARY ON DATABASE "{name}" TO "{app}";
                -- On a table under row-level security PostgreSQL uses an index for a condition only
                -- when its operator is LEAKPROOF (it cannot reveal other rows through an error), and
                -- pg_trgm does not declare its similarity operators so: fuzzy search would read
                -- every row of every tenant. They compute a number from two strings and raise no
                -- error that depends on the data, so a superuser declares them leakproof here (the
                -- owner role that runs migrations cannot); the migration's CREATE EXTENSION is then a no-op.
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                ALTER FUNCTION similarity_op(text, text) LEAKPROOF;
                ALTER FUNCTION word_similarity_op(text, text) LEAKPROOF;
                ALTER FUNCTION word_similarity_commutator_op(text, text) LEAKPROOF;
                -- Requests are short queries; JIT compilation, set off by the row estimates of large
                -- tables, cost a search about 330 ms at a million companies and saves nothing.
                ALTER ROLE "{app}" IN DATABASE "{name}" SET jit = off;
                """);
        }

        return new DatabaseInfo(
            name,
            ConnectionString(server, name, app, appPassword),
            ConnectionString(server, name, owner, ownerPassword));
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static string ConnectionString(IDatabaseServer server, string database, string user, string password) =>
        new NpgsqlConnectionStringBuilder(server.SuperuserConnectionString(database)) { Username = user, Password = password, Pooling = true }.ConnectionString;

    private static async Task EnsureRole(NpgsqlConnection admin, string role, string password, string attributes)
    {
        var verb = await Scalar(admin, $"SELECT count(*) FROM pg_roles WHERE rolname = '{role}'") == 0 ? "CREATE" : "ALTER";
        await Execute(admin, $"{verb} ROLE \"{role}\" {attributes} PASSWORD '{password}'");
    }

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
    private void StopStaleServer()
    {
        if (PostmasterPid() is { } pid && Native.IsAlive(pid))
        {
            Native.Signal(pid, Native.SigInt);
            for (var i = 0; i < 100 && Native.IsAlive(pid); i++)
            {
                Thread.Sleep(100);
            }
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

    private static async Task<long> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
