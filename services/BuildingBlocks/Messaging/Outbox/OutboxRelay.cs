using System.Collections.Concurrent;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmPlatform.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows to RabbitMQ and deletes each only after the broker has
/// confirmed it. Rows are claimed with FOR UPDATE SKIP LOCKED, so several instances of a service
/// share the work without publishing a row twice; a crash after publishing but before the delete
/// publishes that row again, and the consumers' inbox drops the repeat.
/// </summary>
internal sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IBus bus,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private const int MaxErrorLength = 2000;

    private readonly OutboxOptions settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RelayBatch(stoppingToken) == settings.BatchSize)
                {
                }

                backoff = TimeSpan.Zero;
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                backoff = TimeSpan.FromTicks(Math.Min(settings.MaxBackoff.Ticks, Math.Max(TimeSpan.FromMilliseconds(250).Ticks, backoff.Ticks * 2)));
                logger.LogWarning(e, "Outbox relay could not publish; retrying in {Backoff}.", backoff);
                await Task.Delay(backoff, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <returns>How many rows were claimed.</returns>
    private async Task<int> RelayBatch(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var batch = await db.Set<OutboxMessage>()
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE next_attempt_at IS NULL OR next_attempt_at <= {now}
                ORDER BY sequence
                LIMIT {settings.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        using var activity = MessagingDiagnostics.Source.StartActivity("outbox relay");
        activity?.SetTag("outbox.batch_size", batch.Count);

        // The batch's publishes go out together and their confirms are awaited together: one
        // publish awaiting its confirm before the next paid a broker round trip and a disk write per
        // event (about 150 events/s). Started in sequence order, they may still be confirmed out of
        // it, and after a failure later rows may be out while an earlier one waits for the retry;
        // consumers take events concurrently anyway and settle order by the events' own time.
        var readable = batch.Select(message => (Message: message, Readable: TryRead(message, now, out var type, out var body), Type: type, Body: body))
            .Where(m => m.Readable)
            .ToList();
        var publishes = readable.Select(m => Publish(m.Message.MessageId, m.Type, m.Body, cancellationToken)).ToList();
        try
        {
            await Task.WhenAll(publishes);
        }
        catch when (!cancellationToken.IsCancellationRequested)
        {
            // Each publish's own outcome is read below.
        }

        var confirmed = readable.Where((_, i) => publishes[i].IsCompletedSuccessfully).Select(m => m.Message.Sequence).ToArray();
        await db.Database.ExecuteSqlAsync($"DELETE FROM outbox_messages WHERE sequence = ANY({confirmed})", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // The broker is away or slow: what it confirmed is gone from the outbox, the rest waits
        // for the relay to back off as a whole.
        if (publishes.FirstOrDefault(p => p.IsFaulted) is { } failed)
        {
            throw failed.Exception!.InnerException!;
        }

        return batch.Count;
    }

    private static readonly ConcurrentDictionary<string, Type?> Types = new();

    /// <summary>
    /// An event this build cannot read (a type renamed or removed) must not block the ones behind
    /// it: it is parked with a growing delay and its error kept for an operator to see.
    /// </summary>
    private bool TryRead(OutboxMessage message, DateTimeOffset now, out Type type, out object body)
    {
        try
        {
            type = Types.GetOrAdd(message.MessageType, name => Type.GetType(name, throwOnError: false))
                ?? throw new TypeLoadException($"No type {message.MessageType} in this build.");
            body = JsonSerializer.Deserialize(message.Body, type, OutboxJson.Options)!;
            return true;
        }
        catch (Exception e) when (e is TypeLoadException or FileNotFoundException or JsonException or NotSupportedException)
        {
            message.Attempts++;
            message.LastError = e.Message.Length > MaxErrorLength ? e.Message[..MaxErrorLength] : e.Message;
            message.NextAttemptAt = now + TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, message.Attempts)));
            logger.LogError(e, "Outbox message {MessageId} of type {Type} cannot be read; parked.", message.MessageId, message.MessageType);
            type = typeof(object);
            body = new object();
            return false;
        }
    }

    private async Task Publish(Guid messageId, Type type, object body, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.PublishTimeout);
        await bus.Publish(body, type, Pipe.Execute<PublishContext>(context => context.MessageId = messageId), timeout.Token);
    }
}
