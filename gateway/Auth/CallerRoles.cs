namespace CrmPlatform.Gateway.Auth;

public static class CallerRoles
{
    /// <summary>A platform operator: administers tenants and keys, has no tenant data.</summary>
    public const string Operator = "operator";

    /// <summary>A tenant's API key: reaches that tenant's data, never the operators' methods.</summary>
    public const string Partner = "partner";
}
