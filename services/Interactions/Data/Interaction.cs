using CrmPlatform.GrpcConventions;
using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Interactions.Data;

public sealed class Interaction : ITenantOwned
{
    public const int MaxSubjectLength = 300;

    /// <summary>As long as any string in a request may be: the text rule's bound is this body's.</summary>
    public const int MaxBodyLength = TextRule.MaxLength;

    public const int MaxAuthorLength = 200;

    public Guid TenantId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CompanyId { get; set; }

    public InteractionKind Kind { get; set; }

    public string? Subject { get; set; }

    public string? Body { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public string? Author { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
