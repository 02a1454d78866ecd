using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CrmPlatform.Messaging.Wakeups;

/// <summary>Tells <typeparamref name="TListener"/> when an explicit transaction commits.</summary>
internal sealed class WakeOnCommit<TListener>(TListener listener) : DbTransactionInterceptor
    where TListener : ICommitListener
{
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => listener.Committed();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        listener.Committed();
        return Task.CompletedTask;
    }
}
