using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmPlatform.Interactions.Contacts;

/// <summary>Wakes the verdict watcher when a transaction that set an alarm commits.</summary>
internal sealed class VerdictWakeOnCommit(VerdictSignal signal) : DbTransactionInterceptor
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => signal.Committed();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signal.Committed();
        return Task.CompletedTask;
    }
}
