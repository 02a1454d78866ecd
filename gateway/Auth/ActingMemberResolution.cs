using System.Security.Claims;
using CrmPlatform.GrpcConventions;
using CrmPlatform.Tenancy;
using Google.Rpc;

namespace CrmPlatform.Gateway.Auth;

/// <summary>
/// Runs in the proxy pipeline after the scope check: an integration key with the crm.act_as
/// scope may name, per call, the member it acts for in the <c>on-behalf-of</c> header (a member
/// id of the key's tenant). The member then stands in the forwarded credential exactly as if
/// their own key had called. Without the scope the header is refused, never ignored, so an
/// integration cannot believe it wrote as someone when it did not.
/// </summary>
public sealed class ActingMemberResolution(RequestDelegate next, MemberDirectory members)
{
    public const string Header = "on-behalf-of";
    public const string Scope = "crm.act_as";

    public async Task InvokeAsync(HttpContext http)
    {
        var named = http.Request.Headers[Header].ToString();
        if (named.Length == 0)
        {
            await next(http);
            return;
        }

        var tenant = TenantClaims.Read(http.User)!;
        if (tenant.Scopes?.Contains(Scope, StringComparer.Ordinal) != true)
        {
            await AccessRefusal.WriteScopeMissing(http, Scope);
            return;
        }

        if (!Guid.TryParse(named.Trim(), out var memberId) || memberId == Guid.Empty)
        {
            var violations = new FieldViolations().Add(Header, "must be a member id");
            await ErrorResponse.Write(http, Code.InvalidArgument, violations.Summary, violations.ToBadRequest());
            return;
        }

        if (await members.Find(tenant.Id, memberId, http.RequestAborted) is not { } member)
        {
            await ErrorResponse.Write(http, Code.NotFound, $"Member {memberId} not found.", new ResourceInfo { ResourceType = "Member", ResourceName = memberId.ToString() });
            return;
        }

        var identity = (ClaimsIdentity)http.User.Identity!;
        foreach (var claim in identity.FindAll(c => c.Type is TenantClaims.MemberId or TenantClaims.Teams).ToList())
        {
            identity.RemoveClaim(claim);
        }

        identity.AddClaims(TenantClaims.ForMember(member.Id, member.Teams));
        await next(http);
    }
}
