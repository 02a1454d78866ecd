namespace CrmPlatform.Messaging.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Rows claimed, published together and confirmed together per round.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How often the relay looks without being woken: for events committed by another instance, or before a crash.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one publish may wait for the broker's confirm before the relay backs off.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(10);
}
