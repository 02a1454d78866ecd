namespace CrmPlatform.AppHost.Infrastructure;

/// <summary>A service's database: the application role's connection and the schema owner's (for migrations only).</summary>
public sealed record DatabaseInfo(string Name, string AppConnectionString, string OwnerConnectionString);
