using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmPlatform.Tenancy.Data;

/// <summary>
/// Applies migrations before the service takes requests, as the database owner: the role the
/// service runs as owns no tables and cannot change the schema or switch row-level security off.
/// Afterwards it grants that role plain DML and nothing more.
/// </summary>
internal sealed class DatabaseMigrator<TContext>(
    IServiceProvider services,
    IConfiguration configuration,
    ILogger<DatabaseMigrator<TContext>> logger,
    DatabaseNames database) : IHostedService
    where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var ownerConnection = configuration.GetConnectionString(database.MigratorConnectionName);
        if (string.IsNullOrEmpty(ownerConnection))
        {
            logger.LogInformation("No {Name} connection string: migrations are left to the operator.", database.MigratorConnectionName);
            return;
        }

        var options = new DbContextOptionsBuilder<TContext>().UseTenantDatabase(ownerConnection).Options;
        await using var db = ActivatorUtilities.CreateInstance<TContext>(services, options);
        await WaitForDatabase(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);

        // The role name comes from our own configuration and is quoted as an identifier.
        var appRole = Quote(new NpgsqlConnectionStringBuilder(configuration.GetConnectionString(database.ConnectionName)).Username!);
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync($"""
            GRANT USAGE ON SCHEMA public TO {appRole};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {appRole};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {appRole};
            REVOKE ALL ON "__EFMigrationsHistory" FROM {appRole};
            """, cancellationToken);
#pragma warning restore EF1002
        logger.LogInformation("Database {Name} is migrated.", database.ConnectionName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // The database may still be starting when the whole platform comes up at once.
    private async Task WaitForDatabase(TContext db, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.CloseConnectionAsync();
                return;
            }
            catch (NpgsqlException e) when (attempt < 30)
            {
                logger.LogWarning(e, "Database {Name} not reachable yet; retrying.", database.ConnectionName);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
