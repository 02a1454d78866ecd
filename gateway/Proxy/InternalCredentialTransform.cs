using System.Net.Http.Headers;
using System.Security.Claims;
using CrmPlatform.Gateway.Auth;
using CrmPlatform.Tenancy;
using CrmPlatform.Tenancy.Credentials;
using Yarp.ReverseProxy.Transforms;

namespace CrmPlatform.Gateway.Proxy;

/// <summary>
/// Replaces whatever the client said about who it is with what the gateway established: every
/// credential and tenant-looking header is dropped, and a freshly signed internal credential
/// naming the key's tenant is the only identity the service receives.
/// </summary>
public sealed class InternalCredentialTransform(InternalCredentialIssuer issuer) : RequestTransform
{
    private static readonly string[] DroppedPrefixes = ["x-tenant", "x-crm-", "x-internal", "x-forwarded-tenant", ActingMemberResolution.Header];

    public override ValueTask ApplyAsync(RequestTransformContext context)
    {
        var headers = context.ProxyRequest.Headers;
        var dropped = headers
            .Select(h => h.Key)
            .Where(name => name.Equals("authorization", StringComparison.OrdinalIgnoreCase)
                || name.Equals("x-api-key", StringComparison.OrdinalIgnoreCase)
                || DroppedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        dropped.ForEach(name => headers.Remove(name));

        var user = context.HttpContext.User;
        var tenant = TenantClaims.Read(user) ?? throw new InvalidOperationException("A request without a tenant reached the proxy.");
        headers.Authorization = new AuthenticationHeaderValue(
            "Bearer", issuer.Issue(tenant.Id, user.FindFirstValue(TenantClaims.KeyId)!, tenant.Scopes ?? [], tenant.MemberId, tenant.Teams));
        return ValueTask.CompletedTask;
    }
}
