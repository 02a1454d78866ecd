namespace CrmPlatform.Messaging.Tenancy;

public static class TenantHeaders
{
    public const string TenantId = "crm-tenant-id";
}
