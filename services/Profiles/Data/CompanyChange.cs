using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Profiles.Data;

/// <summary>
/// One field of a company, or of one of its people or projects, changed: the value before and
/// after, each kept as the protobuf JSON of a company (person, project) with just that field set,
/// so any field (nested or repeated) is recorded the same way and a past version can be rebuilt by
/// applying the "before" values backwards. A person's or project's fields are prefixed ("person.roles").
/// </summary>
public sealed class CompanyChange : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CompanyId { get; set; }

    /// <summary>Set for "person." fields.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>Set for "project." fields.</summary>
    public Guid? ProjectId { get; set; }

    public required string Field { get; set; }

    public required string Before { get; set; }

    public required string After { get; set; }

    public required string Actor { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
