namespace CrmPlatform.Tenancy.Data;

/// <summary>A save touched a row of a tenant other than the one the context is bound to: always a bug, never user error.</summary>
public sealed class CrossTenantWriteException(string message) : InvalidOperationException(message);
