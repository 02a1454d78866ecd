using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.KnownCompanies;

/// <summary>
/// The rows of one table a company merge moved from the merged company to the survivor, kept
/// until the merge is undone so exactly those rows move back. While it exists, the merged
/// company's id stands for the survivor.
/// </summary>
public sealed class CompanyRepoint : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid MergeId { get; set; }

    public required string TableName { get; set; }

    public Guid SurvivorId { get; set; }

    public Guid MergedId { get; set; }

    public List<Guid> RowIds { get; set; } = [];

    public DateTimeOffset RepointedAt { get; set; }
}
