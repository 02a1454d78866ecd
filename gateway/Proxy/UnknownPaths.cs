using CrmPlatform.GrpcConventions;
using Google.Rpc;

namespace CrmPlatform.Gateway.Proxy;

/// <summary>
/// A path no route serves is answered in the same shape as every other error, not with an empty
/// 404: NotFound over REST, Unimplemented over gRPC (what a gRPC client expects of an unknown method).
/// </summary>
public static class UnknownPaths
{
    public static IEndpointConventionBuilder MapUnknownPaths(this IEndpointRouteBuilder app) =>
        app.MapFallback(Answer).AllowAnonymous();

    /// <summary>The answer to a request no route or contract method serves.</summary>
    public static Task Answer(HttpContext http) => ErrorResponse.IsGrpc(http.Request)
        ? ErrorResponse.Write(http, Code.Unimplemented, "No such method.")
        : ErrorResponse.Write(http, Code.NotFound, $"No method answers {http.Request.Method} at this path: see /openapi/v1.json.");
}
