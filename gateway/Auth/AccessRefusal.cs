using System.Security.Claims;
using CrmPlatform.GrpcConventions;
using Google.Rpc;

namespace CrmPlatform.Gateway.Auth;

/// <summary>
/// Why a caller is turned away, as a google.rpc.ErrorInfo reason a client can switch on: 401 /
/// Unauthenticated when no usable key came, 403 / PermissionDenied when the key cannot call this
/// method. An unknown, revoked or expired key and a suspended tenant's key share one reason, so
/// the answer never tells a key-guesser which keys once existed.
/// </summary>
public static class AccessRefusal
{
    public const string Domain = "crm.gateway";

    /// <summary>The reason when a key lacks the scope the method's contract declares.</summary>
    public const string ScopeMissing = "SCOPE_MISSING";

    public static ErrorInfo Unauthenticated(bool keyPresented) => keyPresented
        ? Reason("API_KEY_INVALID")
        : Reason("API_KEY_MISSING");

    public static string UnauthenticatedMessage(bool keyPresented) => keyPresented
        ? "The API key is unknown, revoked or expired, or its tenant is suspended."
        : "No API key: send it as x-api-key or Authorization: Bearer.";

    /// <summary>A tenant's key on an operator method, or the operator's key on tenant data.</summary>
    public static ErrorInfo Forbidden(ClaimsPrincipal caller) => caller.IsInRole(CallerRoles.Partner)
        ? Reason("OPERATOR_ONLY")
        : caller.IsInRole(CallerRoles.Operator) ? Reason("TENANT_KEY_REQUIRED") : Reason("PERMISSION_DENIED");

    public static string ForbiddenMessage(ErrorInfo reason) => reason.Reason switch
    {
        "OPERATOR_ONLY" => "This method is for platform operators.",
        "TENANT_KEY_REQUIRED" => "This method needs a tenant's API key.",
        _ => "The API key may not call this method.",
    };

    public static Task WriteUnauthenticated(HttpContext http, bool keyPresented) =>
        ErrorResponse.Write(http, Code.Unauthenticated, UnauthenticatedMessage(keyPresented), Unauthenticated(keyPresented));

    public static Task WriteForbidden(HttpContext http)
    {
        var reason = Forbidden(http.User);
        return ErrorResponse.Write(http, Code.PermissionDenied, ForbiddenMessage(reason), reason);
    }

    /// <summary>403 for a key without <paramref name="scope"/>; a method that declares none is refused the same way.</summary>
    public static Task WriteScopeMissing(HttpContext http, string? scope)
    {
        var reason = Reason(ScopeMissing);
        reason.Metadata["required_scope"] = scope ?? "";
        return ErrorResponse.Write(http, Code.PermissionDenied, $"This API key lacks the scope {scope ?? "(undeclared)"}.", reason);
    }

    private static ErrorInfo Reason(string reason) => new() { Reason = reason, Domain = Domain };
}
