using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Billing.Data;

/// <summary>A change of a company's score or grade: when, from what, to what and why.</summary>
public sealed class GradeChange : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CompanyId { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public string? PreviousGrade { get; set; }

    public string? Grade { get; set; }

    public int PreviousScore { get; set; }

    public int Score { get; set; }

    public required string Reason { get; set; }
}
