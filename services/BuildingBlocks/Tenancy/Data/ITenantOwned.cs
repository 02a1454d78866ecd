namespace CrmPlatform.Tenancy.Data;

/// <summary>A row that belongs to one tenant. Its key, unique indexes and foreign keys lead with <see cref="TenantId"/>.</summary>
public interface ITenantOwned
{
    /// <summary>Stamped by <see cref="TenantDbContext"/> on insert; never set by request code.</summary>
    Guid TenantId { get; set; }
}
