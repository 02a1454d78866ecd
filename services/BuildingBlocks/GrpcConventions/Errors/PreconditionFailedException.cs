namespace CrmPlatform.GrpcConventions;

/// <summary>
/// The request was well-formed but the resource is not in the state it assumed (a stale etag, a
/// deleted resource): FAILED_PRECONDITION over gRPC, 412 over REST.
/// </summary>
public sealed class PreconditionFailedException(string message) : Exception(message);
