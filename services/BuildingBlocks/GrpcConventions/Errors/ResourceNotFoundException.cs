namespace CrmPlatform.GrpcConventions;

/// <summary>
/// The resource does not exist for the calling tenant. Another tenant's resource raises the same
/// exception with the same message, so a caller can't tell the two apart.
/// </summary>
public sealed class ResourceNotFoundException(string resource, string id)
    : Exception($"{resource} '{id}' was not found.");
