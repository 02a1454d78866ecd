using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmPlatform.Tenancy.Data;

/// <summary>Sets the tenant for the lifetime of each transaction a tenant-bound context begins, and only for it.</summary>
public sealed class TenantTransactionInterceptor : DbTransactionInterceptor
{
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        if (TenantOf(eventData) is { } tenant)
        {
            using var command = SetTenant(connection, result, tenant);
            command.ExecuteNonQuery();
        }

        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        if (TenantOf(eventData) is { } tenant)
        {
            await using var command = SetTenant(connection, result, tenant);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return result;
    }

    private static Guid? TenantOf(TransactionEndEventData eventData) =>
        eventData.Context is TenantDbContext { TenantId: var tenant } && tenant != Guid.Empty ? tenant : null;

    private static DbCommand SetTenant(DbConnection connection, DbTransaction transaction, Guid tenant)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = RowLevelSecurity.SetTenant(tenant);
        return command;
    }
}
