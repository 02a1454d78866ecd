using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Profiles.Data;

/// <summary>
/// One message an import answered, as serialized then, kept for imports with a request id so a
/// retry is answered with exactly the same messages in the same order.
/// </summary>
public sealed class CompanyImportReport : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid ImportId { get; set; }

    /// <summary>0-based position among the import's messages.</summary>
    public int Sequence { get; set; }

    /// <summary>The crm.profiles.v1.ImportCompaniesResponse in protobuf binary form.</summary>
    public required byte[] Message { get; set; }
}
