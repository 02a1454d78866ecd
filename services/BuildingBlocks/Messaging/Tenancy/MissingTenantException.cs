namespace CrmPlatform.Messaging.Tenancy;

/// <summary>A message that does not say, consistently, which tenant it belongs to. Not retried: it goes straight to the error queue.</summary>
public sealed class MissingTenantException(string message) : Exception(message);
