using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using CrmPlatform.Tenancy.Credentials;
using Microsoft.Extensions.Hosting;

namespace CrmPlatform.Tenancy.Data;

public static class TenantDatabaseExtensions
{
    /// <summary>
    /// Registers the service's tenant-bound DbContext on <c>ConnectionStrings:{connectionName}</c>,
    /// migrated at start, with every <see cref="IInterceptor"/> in the container (the tenant
    /// setting, the outbox wake-up) attached.
    /// </summary>
    public static IHostApplicationBuilder AddTenantDbContext<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : TenantDbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");

        builder.Services.AddTenantContext();
        builder.Services.AddSingleton<IInterceptor, TenantCommandInterceptor>();
        builder.Services.AddSingleton<IInterceptor, TenantTransactionInterceptor>();
        builder.Services.AddDbContext<TContext>((sp, options) => options
            .UseTenantDatabase(connectionString)
            .AddInterceptors(sp.GetServices<IInterceptor>()));

        return builder.AddDatabaseMigration<TContext>(connectionName);
    }

    /// <summary>
    /// Migrates <typeparamref name="TContext"/> at start as the schema owner
    /// (<c>ConnectionStrings:{connectionName}-migrator</c>) and reports the database in /health.
    /// </summary>
    public static IHostApplicationBuilder AddDatabaseMigration<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<DatabaseMigrator<TContext>>(sp, new DatabaseNames(connectionName)));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TContext>>(connectionName, tags: ["ready"]);
        return builder;
    }

    public static DbContextOptionsBuilder UseTenantDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder<TContext> UseTenantDatabase<TContext>(this DbContextOptionsBuilder<TContext> options, string connectionString)
        where TContext : DbContext =>
        (DbContextOptionsBuilder<TContext>)((DbContextOptionsBuilder)options).UseTenantDatabase(connectionString);
}
