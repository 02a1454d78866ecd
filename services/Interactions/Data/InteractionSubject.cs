using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Interactions.Data;

/// <summary>
/// One row per live item and each client it is about: the company, and every person named. A
/// person's timeline and everyone's contact statistics read this, newest first, through one index.
/// </summary>
public sealed class InteractionSubject : ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>A company id, or a person id.</summary>
    public Guid SubjectId { get; set; }

    public Guid InteractionId { get; set; }

    public Guid CompanyId { get; set; }

    public bool IsCompany { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public InteractionKind Kind { get; set; }

    public Channel Channel { get; set; }

    public Direction Direction { get; set; }

    public bool TwoWay { get; set; }

    public Guid? AuthorId { get; set; }

    /// <summary>A newsletter's campaign, kept here too so the latest ones are read from this index alone.</summary>
    public string? CampaignId { get; set; }

    /// <summary>Counts as a contact: it has a channel and is not an automated open.</summary>
    public bool Contact { get; set; }
}
