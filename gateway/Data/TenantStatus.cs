namespace CrmPlatform.Gateway.Data;

public enum TenantStatus
{
    Unspecified,
    Active,
    Suspended,
}
