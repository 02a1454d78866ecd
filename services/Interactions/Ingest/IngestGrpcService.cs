using CrmPlatform.GrpcConventions;
using CrmPlatform.Interactions.Data;
using CrmPlatform.Interactions.Timeline;
using CrmPlatform.KnownCompanies;
using CrmPlatform.Tenancy;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Ingest;

/// <summary>crm.interactions.v1.IngestService: items in from other systems (each message's rows with its owner), and out.</summary>
public sealed class IngestGrpcService(Ingester ingester, InteractionsDbContext db, ITenantContextAccessor tenants) : Proto.IngestService.IngestServiceBase
{
    /// <summary>What the caller may see and nothing else, as every read: a private item of another member is not exported.</summary>
    public override async Task ExportInteractions(Proto.ExportInteractionsRequest request, IServerStreamWriter<Proto.Interaction> responseStream, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var companyId = request.CompanyId.Length > 0 ? ResourceId.Parse(request.CompanyId, "company_id", violations) : (Guid?)null;
        violations.Check(request.OccurAfter is null || Timestamps.IsValid(request.OccurAfter), "occur_after", "must be a valid time").ThrowIfAny();
        if (companyId is { } company)
        {
            await db.RequireKnownCompany(company, request.CompanyId, context.CancellationToken);
        }

        var reader = Reader.Of(tenants.Tenant);
        var items = db.Interactions.AsNoTracking().Where(i => i.DeletedAt == null).Where(reader.CanSee);
        if (companyId is { } id)
        {
            items = items.Where(i => i.CompanyId == id);
        }

        if (request.OccurAfter?.ToDateTimeOffset() is { } after)
        {
            items = items.Where(i => i.OccurredAt >= after);
        }

        await foreach (var item in items.OrderBy(i => i.OccurredAt).ThenBy(i => i.Id).AsAsyncEnumerable().WithCancellation(context.CancellationToken))
        {
            await responseStream.WriteAsync(item.ToProto(reader), context.CancellationToken);
        }
    }

    public override async Task IngestInteractions(
        IAsyncStreamReader<Proto.IngestInteractionsRequest> requestStream,
        IServerStreamWriter<Proto.IngestInteractionsResponse> responseStream,
        ServerCallContext context)
    {
        var acting = tenants.Tenant?.MemberId;

        async IAsyncEnumerable<IngestRow> Rows()
        {
            await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
            {
                var owner = message.OwnerId.Length > 0 ? ResourceId.Parse(message.OwnerId, "owner_id") : acting;
                foreach (var interaction in message.Interactions)
                {
                    yield return new IngestRow(interaction, owner);
                }
            }
        }

        await foreach (var report in ingester.IngestAsync(Rows(), context.CancellationToken))
        {
            await responseStream.WriteAsync(report, context.CancellationToken);
        }
    }
}
