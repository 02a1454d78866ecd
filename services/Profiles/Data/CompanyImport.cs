using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Profiles.Data;

/// <summary>One bulk import and its totals; the outcome of each row is in <see cref="ImportRow"/>.</summary>
public sealed class CompanyImport : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Rejected { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>What became of one row of an import, kept so a retried import can answer as the first did.</summary>
public sealed class ImportRow : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid ImportId { get; set; }

    public int Row { get; set; }

    public string? ExternalId { get; set; }

    /// <summary>CREATED, UPDATED, UNCHANGED or REJECTED.</summary>
    public required string Outcome { get; set; }

    public Guid? CompanyId { get; set; }

    /// <summary>Why it was rejected: crm.profiles.v1.ImportProblem[] as a JSON array.</summary>
    public string? ProblemsJson { get; set; }
}
