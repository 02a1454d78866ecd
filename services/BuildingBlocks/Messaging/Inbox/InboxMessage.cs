namespace CrmPlatform.Messaging.Inbox;

/// <summary>A message one consumer has had its effect for; a second delivery finds it and does nothing.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    /// <summary>The receive endpoint (queue), so two consumers of one event each get it once.</summary>
    public required string Consumer { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }
}
