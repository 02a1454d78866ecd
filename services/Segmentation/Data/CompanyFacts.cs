using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Segmentation.Data;

/// <summary>
/// What Segmentation knows of one company, folded from the other services' events. Events of one
/// company arrive on different queues in any order, so every field may still be unknown: an
/// interaction can be counted before the company's own creation event is in.
/// </summary>
public sealed class CompanyFacts : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid CompanyId { get; set; }

    public string? Name { get; set; }

    public string? IndustryCode { get; set; }

    public int? EmployeeCount { get; set; }

    public string? CountryCode { get; set; }

    public int InteractionCount { get; set; }

    public DateTimeOffset? LastInteractionAt { get; set; }

    public int InvoiceCount { get; set; }

    /// <summary>The company is soft-deleted in Profiles; it may come back.</summary>
    public bool Deleted { get; set; }

    /// <summary>
    /// The company was merged into this one. Its own facts stay as they are (late events for it
    /// still land here) and are counted into the survivor's when read, so undoing the merge is
    /// just clearing this.
    /// </summary>
    public Guid? MergedIntoId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public void Describe(string name, string? industryCode, int? employeeCount, string? countryCode)
    {
        Name = name;
        IndustryCode = industryCode;
        EmployeeCount = employeeCount;
        CountryCode = countryCode;
    }
}
