using CrmPlatform.Contracts.Platform.V1;
using CrmPlatform.EventContracts.Platform.V1;
using CrmPlatform.Gateway.Auth;
using CrmPlatform.Gateway.Data;
using CrmPlatform.GrpcConventions;
using CrmPlatform.Messaging.Outbox;
using CrmPlatform.Tenancy;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Member = CrmPlatform.Gateway.Data.Member;

namespace CrmPlatform.Gateway.Grpc;

/// <summary>
/// crm.platform.v1's members, for operators (who name the tenant) and for a tenant's own keys
/// with crm.admin (whose tenant is the key's: naming another is NotFound). Every change is
/// published as <see cref="MemberChanged"/> from the same transaction, so the services learn
/// who may be an author, an attendee or an assignee.
/// </summary>
[Authorize(Roles = $"{CallerRoles.Operator},{CallerRoles.Partner}")]
public sealed class MembersGrpcService(
    PlatformDbContext db, IEventOutbox outbox, PageTokens pages, TimeProvider clock, ApiKeyValidator keys, MemberDirectory directory)
    : MembersService.MembersServiceBase
{
    public const string AdminScope = "crm.admin";

    public override async Task<Contracts.Platform.V1.Member> CreateMember(CreateMemberRequest request, ServerCallContext context)
    {
        var tenantId = await TenantOf(request.TenantId, context);
        MemberValidator.Validate(request.Member, MemberValidator.UpdatablePaths, new FieldViolations()).ThrowIfAny();
        var now = clock.GetUtcNow();
        var member = new Member
        {
            TenantId = tenantId,
            Name = request.Member.Name.Trim(),
            Email = request.Member.Email.Trim(),
            EmailKey = request.Member.Email.Trim().ToLowerInvariant(),
            Teams = [.. request.Member.Teams.Distinct()],
            CreatedAt = now,
            UpdatedAt = now,
        };
        await RequireUniqueEmail(member, context);
        db.Members.Add(member);
        Publish(member);
        await db.SaveChangesAsync(context.CancellationToken);
        return member.ToProto();
    }

    public override async Task<Contracts.Platform.V1.Member> GetMember(GetMemberRequest request, ServerCallContext context)
    {
        var tenantId = await TenantOf(request.TenantId, context);
        return (await Find(tenantId, request.Id, "id", context, tracked: false)).ToProto();
    }

    public override async Task<ListMembersResponse> ListMembers(ListMembersRequest request, ServerCallContext context)
    {
        var tenantId = await TenantOf(request.TenantId, context);
        var violations = new FieldViolations();
        var page = pages.Read(request, violations);
        violations.MaxLength("team", request.Team, 40).ThrowIfAny();

        var query = db.Members.AsNoTracking().Where(m => m.TenantId == tenantId);
        if (!request.ShowRemoved)
        {
            query = query.Where(m => m.RemovedAt == null);
        }

        if (request.Team.Length > 0)
        {
            query = query.Where(m => m.Teams.Contains(request.Team));
        }

        if (page.After is { } cursor)
        {
            query = query.Where(m => m.Id.CompareTo(cursor.Id) > 0);
        }

        var (rows, next) = await query.OrderBy(m => m.Id).ToPageAsync(page, m => PageCursor.At(m.Id), context.CancellationToken);
        return new ListMembersResponse { Members = { rows.Select(m => m.ToProto()) }, NextPageToken = next };
    }

    public override async Task<Contracts.Platform.V1.Member> UpdateMember(UpdateMemberRequest request, ServerCallContext context)
    {
        var tenantId = await TenantOf(request.TenantId, context);
        var violations = new FieldViolations();
        var paths = MemberValidator.UpdatePaths(request.UpdateMask, violations);
        MemberValidator.Validate(request.Member, paths, violations).ThrowIfAny();
        var member = await Find(tenantId, request.Member.Id, "member.id", context, tracked: true);
        if (member.RemovedAt is not null)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, "A removed member cannot be changed."));
        }

        if (paths.Contains("name"))
        {
            member.Name = request.Member.Name.Trim();
        }

        if (paths.Contains("email"))
        {
            member.Email = request.Member.Email.Trim();
            member.EmailKey = member.Email.ToLowerInvariant();
            await RequireUniqueEmail(member, context);
        }

        if (paths.Contains("teams"))
        {
            member.Teams = [.. request.Member.Teams.Distinct()];
        }

        member.UpdatedAt = clock.GetUtcNow();
        Publish(member);
        await db.SaveChangesAsync(context.CancellationToken);
        Forget();
        return member.ToProto();
    }

    public override async Task<Contracts.Platform.V1.Member> RemoveMember(RemoveMemberRequest request, ServerCallContext context)
    {
        var tenantId = await TenantOf(request.TenantId, context);
        var member = await Find(tenantId, request.Id, "id", context, tracked: true);
        if (member.RemovedAt is null)
        {
            member.RemovedAt = member.UpdatedAt = clock.GetUtcNow();
            Publish(member);
            await db.SaveChangesAsync(context.CancellationToken);
            Forget();
        }

        return member.ToProto();
    }

    /// <summary>
    /// The tenant a call manages: the one an operator names, or the caller's own. A tenant's key
    /// needs crm.admin, and naming any tenant but its own is NotFound, like any other tenant's data.
    /// </summary>
    private async Task<Guid> TenantOf(string requested, ServerCallContext context)
    {
        var caller = context.GetHttpContext().User;
        if (caller.IsInRole(CallerRoles.Operator))
        {
            var id = ResourceId.Parse(requested, "tenant_id");
            return await db.Tenants.AnyAsync(t => t.Id == id, context.CancellationToken)
                ? id
                : throw new ResourceNotFoundException("Tenant", requested);
        }

        var tenant = TenantClaims.Read(caller)!;
        if (tenant.Scopes?.Contains(AdminScope, StringComparer.Ordinal) != true)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"This API key lacks the scope {AdminScope}."));
        }

        if (requested.Length > 0 && ResourceId.Parse(requested, "tenant_id") != tenant.Id)
        {
            throw new ResourceNotFoundException("Tenant", requested);
        }

        return tenant.Id;
    }

    private async Task<Member> Find(Guid tenantId, string id, string field, ServerCallContext context, bool tracked)
    {
        var memberId = ResourceId.Parse(id, field);
        var members = tracked ? db.Members : db.Members.AsNoTracking();
        return await members.FirstOrDefaultAsync(m => m.TenantId == tenantId && m.Id == memberId, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Member", id);
    }

    private async Task RequireUniqueEmail(Member member, ServerCallContext context)
    {
        var taken = await db.Members.AnyAsync(
            m => m.TenantId == member.TenantId && m.EmailKey == member.EmailKey && m.RemovedAt == null && m.Id != member.Id,
            context.CancellationToken);
        if (taken)
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, "Another current member of this tenant has this email."));
        }
    }

    private void Publish(Member member) =>
        outbox.Enqueue(new MemberChanged(member.TenantId, member.Id, member.Name, member.Email, member.Teams, member.RemovedAt));

    // A changed or removed member's keys and on-behalf-of answers must not outlive the change.
    private void Forget()
    {
        keys.Invalidate();
        directory.Invalidate();
    }
}
