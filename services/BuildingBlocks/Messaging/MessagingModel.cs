using CrmPlatform.Messaging.Inbox;
using CrmPlatform.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Messaging;

public static class MessagingModel
{
    /// <summary>
    /// The outbox and inbox tables, beside the service's business tables so they commit in the
    /// same transaction. They hold no tenant_id column and no row-level security: the relay must
    /// see every tenant's pending events, and the tenant travels inside each event.
    /// </summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder) => modelBuilder.AddOutbox().AddInbox();

    /// <summary>The outbox alone, for a process that publishes and consumes nothing.</summary>
    public static ModelBuilder AddOutbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Sequence);
            outbox.Property(m => m.Sequence).UseIdentityAlwaysColumn();
            outbox.HasIndex(m => m.MessageId).IsUnique();
            outbox.Property(m => m.MessageType).HasMaxLength(500);
            outbox.Property(m => m.Body).HasColumnType("jsonb");
        });
        return modelBuilder;
    }

    private static ModelBuilder AddInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(200);
        });

        return modelBuilder;
    }
}
