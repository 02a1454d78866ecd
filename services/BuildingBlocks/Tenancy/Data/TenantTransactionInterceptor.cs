using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmPlatform.Tenancy.Data;

/// <summary>
/// Gives each transaction a tenant-bound context begins the tenant, for its lifetime and only for
/// it: the setting rides on the transaction's first command (<see cref="TenantCommandInterceptor"/>),
/// or is sent on its own before a savepoint, which could otherwise roll it back with a failed
/// first statement.
/// </summary>
public sealed class TenantTransactionInterceptor : DbTransactionInterceptor
{
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        if (TenantOf(eventData) is { } tenant)
        {
            PendingTenantSetting.Defer(result, tenant);
        }

        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(
        DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public override InterceptionResult CreatingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        PendingTenantSetting.Send(transaction);
        return result;
    }

    public override async ValueTask<InterceptionResult> CreatingSavepointAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await PendingTenantSetting.SendAsync(transaction, cancellationToken);
        return result;
    }

    private static Guid? TenantOf(TransactionEndEventData eventData) =>
        eventData.Context is TenantDbContext { TenantId: var tenant } && tenant != Guid.Empty ? tenant : null;
}
