namespace CrmPlatform.Messaging.Outbox;

/// <summary>An event committed with the state change that caused it, waiting for the relay to publish it.</summary>
public sealed class OutboxMessage
{
    /// <summary>Commit order; the relay publishes in it.</summary>
    public long Sequence { get; set; }

    /// <summary>The event's id, published as the message id so consumers' inboxes can drop re-publishes.</summary>
    public Guid MessageId { get; set; }

    /// <summary>"Namespace.Type, Assembly" of the event.</summary>
    public required string MessageType { get; set; }

    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public string? LastError { get; set; }
}
