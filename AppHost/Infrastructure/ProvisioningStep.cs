namespace CrmPlatform.AppHost.Infrastructure;

/// <summary>One file of deploy/postgres and whether it runs inside the service's database or from the maintenance one.</summary>
public sealed record ProvisioningStep(string File, bool InServiceDatabase);
