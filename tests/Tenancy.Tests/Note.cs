using CrmPlatform.Tenancy.Data;

namespace CrmPlatform.Tenancy.Tests;

public sealed class Note : ITenantOwned
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Text { get; set; }
}
