using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmPlatform.Billing.Overdue;

/// <summary>Wakes the watcher when a transaction that set an alarm commits.</summary>
internal sealed class OverdueWakeOnCommit(OverdueSignal signal) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => signal.Committed();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Committed();
        return Task.CompletedTask;
    }
}
