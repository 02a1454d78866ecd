using CrmPlatform.GrpcConventions;
using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Interactions.Data;

/// <summary>
/// One item on a client's timeline. The kind's own fields are kept as the contract's JSON in
/// <see cref="DetailsJson"/>; what reads filter, sort or count on is a column of its own.
/// </summary>
public sealed class Interaction : ITenantOwned
{
    public const int MaxSubjectLength = 300;

    /// <summary>As long as any string in a request may be: the text rule's bound is this body's.</summary>
    public const int MaxBodyLength = TextRule.MaxLength;

    public const int MaxPeople = 100;
    public const int MaxTopics = 20;
    public const int MaxTopicLength = 60;

    public Guid TenantId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CompanyId { get; set; }

    public InteractionKind Kind { get; set; }

    public Channel Channel { get; set; }

    public Direction Direction { get; set; }

    public string? Subject { get; set; }

    public string? Body { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>When it was recorded.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>The member the recording call acted as; null for an integration acting as no one.</summary>
    public Guid? AuthorId { get; set; }

    public List<Guid> OwnerIds { get; set; } = [];

    public List<Guid> PersonIds { get; set; } = [];

    public Visibility Visibility { get; set; } = Visibility.Everyone;

    public string? Team { get; set; }

    /// <summary>Given topics, hashtags and a social signal's subject, lower case, each once.</summary>
    public List<string> Topics { get; set; } = [];

    public bool Pinned { get; set; }

    public int Version { get; set; } = 1;

    /// <summary>The kind's own fields, as the contract's JSON; null for a note.</summary>
    public string? DetailsJson { get; set; }

    /// <summary>A contact the client took part in: inbound, a meeting, or a call that connected.</summary>
    public bool TwoWay { get; set; }

    /// <summary>A newsletter open or click made by a privacy proxy or scanner: kept, never counted.</summary>
    public bool Automated { get; set; }

    /// <summary>A newsletter's campaign, from its details: what sends, opens and clicks are matched on.</summary>
    public string? CampaignId { get; set; }

    public string? SourceSystem { get; set; }

    public string? SourceEventId { get; set; }
}
