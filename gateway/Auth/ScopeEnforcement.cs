using CrmPlatform.Gateway.Catalog;
using CrmPlatform.Gateway.Proxy;
using CrmPlatform.GrpcConventions;
using CrmPlatform.Tenancy;

namespace CrmPlatform.Gateway.Auth;

/// <summary>
/// Runs in the proxy pipeline, after authentication and the tenant policy: finds the contract
/// method a request calls and refuses a key without the scope the contract declares for it
/// (403 / PermissionDenied, reason <c>SCOPE_MISSING</c>). A request for no declared method is
/// answered here (REST 404, gRPC Unimplemented) rather than passed on unchecked.
/// </summary>
public sealed class ScopeEnforcement(RequestDelegate next, MethodCatalog catalog)
{
    public Task InvokeAsync(HttpContext http)
    {
        var grpc = ErrorResponse.IsGrpc(http.Request);
        var path = http.Request.Path.Value ?? "";
        var method = grpc ? catalog.FindGrpc(path) : catalog.FindRest(http.Request.Method, path);
        if (method is null)
        {
            return UnknownPaths.Answer(http);
        }

        // A method that declares no scope is refused, not opened: the contracts' tests require one.
        if (method.Scope is not { } scope || !Granted(http, scope))
        {
            return AccessRefusal.WriteScopeMissing(http, method.Scope);
        }

        return next(http);
    }

    private static bool Granted(HttpContext http, string scope) =>
        TenantClaims.Read(http.User)?.Scopes?.Contains(scope, StringComparer.Ordinal) == true;
}
