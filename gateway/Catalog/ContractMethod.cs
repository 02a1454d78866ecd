using Google.Protobuf.Reflection;

namespace CrmPlatform.Gateway.Catalog;

/// <summary>
/// One tenant-facing method as its contract declares it: the gRPC path, the REST binding (when it
/// has one) and the API-key scope a caller needs.
/// </summary>
/// <param name="Body">The <c>body:</c> of the HTTP rule: <c>*</c>, a field name, or null for none.</param>
public sealed record ContractMethod(
    MethodDescriptor Descriptor,
    string GrpcPath,
    string? Verb,
    RestTemplate? Template,
    string? Body,
    string? Scope);
