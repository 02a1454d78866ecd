using CrmPlatform.AppHost.Infrastructure;
using CrmPlatform.Tenancy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CrmPlatform.Tenancy.Tests;

/// <summary>
/// A private PostgreSQL (the AppHost's own code starts it) with the notes table created by its
/// owner and row-level security on, and contexts that connect as the application role.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private readonly string dataRoot = Path.Combine(Path.GetTempPath(), $"crm-tenancy-tests-{Guid.NewGuid():N}");
    private PostgresServer server = null!;

    public DatabaseInfo Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        server = new PostgresServer(dataRoot, durable: false);
        await server.StartAsync();
        Database = await PostgresServer.EnsureDatabaseAsync(server, "tenancy", dataRoot);

        await using var owner = new NpgsqlConnection(Database.OwnerConnectionString);
        await owner.OpenAsync();
        await using var create = new NpgsqlCommand($"""
            CREATE TABLE notes (tenant_id uuid NOT NULL, id uuid NOT NULL, text text NOT NULL, PRIMARY KEY (tenant_id, id));
            GRANT SELECT, INSERT, UPDATE, DELETE ON notes TO tenancy_app;
            {RowLevelSecurity.EnableSql("notes")}
            """, owner);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await server.StopAsync();
        Directory.Delete(dataRoot, recursive: true);
    }

    /// <summary>A context as a service builds one: app role, tenant interceptors, bound to <paramref name="tenant"/>.</summary>
    public NotesDbContext Context(Guid? tenant) => new(
        new DbContextOptionsBuilder<NotesDbContext>()
            .UseTenantDatabase(Database.AppConnectionString)
            .AddInterceptors(new IInterceptor[] { new TenantCommandInterceptor(), new TenantTransactionInterceptor() })
            .Options,
        new FixedTenant(tenant));
}

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<DatabaseFixture>
{
    public const string Name = "database";
}
