using CrmPlatform.Tenancy.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.Messaging.Inbox;

/// <summary>
/// Gives each message its effect once per consumer. The inbox row, the consumer's changes and any
/// events it raises commit in one transaction; a redelivered or re-published message finds the
/// row and is acknowledged without running the consumer. A concurrent duplicate waits on the row's
/// key until the first commits, then finds it too.
/// </summary>
public sealed class InboxFilter<T>(TenantDbContext db, ILogger<InboxFilter<T>> logger) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"A {typeof(T).Name} arrived without a message id.");
        var consumer = context.ReceiveContext.InputAddress.AbsolutePath.Trim('/');
        var cancellationToken = context.CancellationToken;

        // A retry runs in the same scope: start from a clean slate, not the failed attempt's changes.
        db.ChangeTracker.Clear();
        // A failed save fails the whole message, which is retried from the start: a savepoint
        // around each save would be two round trips for a rollback nobody makes.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var claimed = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {consumer}, now()) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (claimed == 0)
        {
            logger.LogInformation("{Consumer} already processed message {MessageId}; skipping the duplicate.", consumer, messageId);
            return;
        }

        await next.Send(context);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox");
}
