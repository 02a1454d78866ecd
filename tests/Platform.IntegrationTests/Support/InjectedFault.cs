using Npgsql;

namespace CrmPlatform.IntegrationTests.Support;

/// <summary>
/// A genuine server fault without a backdoor in production code: a trigger, installed by the
/// superuser for the test's duration, makes PostgreSQL refuse one tenant's inserts into one
/// table with an error that quotes SQL. Other tenants (and other tests) are untouched.
/// </summary>
public sealed class InjectedFault : IAsyncDisposable
{
    /// <summary>What the database says when the fault fires; a client must never read it.</summary>
    public const string DatabaseMessage = "injected fault: SELECT secret_column FROM internal_table";

    private readonly string connectionString;
    private readonly string name;
    private readonly string table;

    private InjectedFault(string connectionString, string name, string table)
    {
        this.connectionString = connectionString;
        this.name = name;
        this.table = table;
    }

    public static async Task<InjectedFault> OnInsert(PlatformFixture platform, string database, string table, string tenantId)
    {
        var fault = new InjectedFault(platform.SuperuserConnectionString(database), $"test_fault_{Guid.NewGuid():N}", table);
        await fault.Execute($"""
            CREATE FUNCTION {fault.name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.tenant_id::text = '{Guid.Parse(tenantId)}' THEN RAISE EXCEPTION '{DatabaseMessage}'; END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER {fault.name} BEFORE INSERT ON {table} FOR EACH ROW EXECUTE FUNCTION {fault.name}();
            """);
        return fault;
    }

    /// <summary>
    /// A refusal only the database makes: a check-constraint violation (SQLSTATE 23514) for one
    /// tenant's rows of <paramref name="table"/> whose name contains <paramref name="marker"/>,
    /// on insert and update alike.
    /// </summary>
    public static async Task<InjectedFault> RefuseNamesContaining(PlatformFixture platform, string database, string table, string tenantId, string marker)
    {
        var fault = new InjectedFault(platform.SuperuserConnectionString(database), $"test_refusal_{Guid.NewGuid():N}", table);
        await fault.Execute($"""
            CREATE FUNCTION {fault.name}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.tenant_id::text = '{Guid.Parse(tenantId)}' AND position('{marker.Replace("'", "''")}' in NEW.name) > 0 THEN
                RAISE EXCEPTION '{DatabaseMessage}' USING ERRCODE = 'check_violation';
              END IF;
              RETURN NEW;
            END $$;
            CREATE TRIGGER {fault.name} BEFORE INSERT OR UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION {fault.name}();
            """);
        return fault;
    }

    private async Task Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() =>
        await Execute($"DROP TRIGGER IF EXISTS {name} ON {table}; DROP FUNCTION IF EXISTS {name}();");
}
