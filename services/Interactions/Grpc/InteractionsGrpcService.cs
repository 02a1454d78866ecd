using CrmPlatform.Contracts.Interactions.V1;
using CrmPlatform.EventContracts.Interactions.V1;
using CrmPlatform.Interactions.Data;
using CrmPlatform.Messaging.Merges;
using CrmPlatform.Messaging.Outbox;
using CrmPlatform.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Interactions.Grpc;

public sealed class InteractionsGrpcService(InteractionsDbContext db, IEventOutbox outbox, TimeProvider clock)
    : InteractionsService.InteractionsServiceBase
{
    public override async Task<Contracts.Interactions.V1.Interaction> RecordInteraction(RecordInteractionRequest request, ServerCallContext context)
    {
        var now = clock.GetUtcNow();
        var violations = new FieldViolations();
        var companyId = ResourceId.Parse(request.CompanyId, "company_id", violations);
        InteractionValidator.Validate(request.Interaction, now, violations).ThrowIfAny();

        // A merged company's id stands for its survivor: what is recorded against it goes there.
        companyId = await db.CurrentCompany(companyId, context.CancellationToken);
        await RequireKnownCompany(companyId, request.CompanyId, context.CancellationToken);

        var interaction = request.Interaction.ToNewInteraction(companyId, now);
        db.Interactions.Add(interaction);
        outbox.Enqueue(new InteractionRecorded(db.TenantId, interaction.Id, companyId, interaction.Kind.ToString(), interaction.OccurredAt));
        await db.SaveChangesAsync(context.CancellationToken);
        return interaction.ToProto();
    }

    public override async Task<Contracts.Interactions.V1.Interaction> GetInteraction(GetInteractionRequest request, ServerCallContext context)
    {
        var id = ResourceId.Parse(request.Id, "id");
        var interaction = await db.Interactions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Interaction", request.Id);
        return interaction.ToProto();
    }

    /// <summary>One company's timeline, most recently recorded first.</summary>
    public override async Task<ListInteractionsResponse> ListInteractions(ListInteractionsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var companyId = ResourceId.Parse(request.CompanyId, "company_id", violations);
        var pageSize = Paging.PageSize(request.PageSize, "page_size", violations);
        var before = Paging.After(request.PageToken, "page_token", violations);
        violations.ThrowIfAny();

        await RequireKnownCompany(companyId, request.CompanyId, context.CancellationToken);

        var query = db.Interactions.AsNoTracking().Where(i => i.CompanyId == companyId);
        if (before is { } cursor)
        {
            query = query.Where(i => i.Id.CompareTo(cursor) < 0);
        }

        var page = await query.OrderByDescending(i => i.Id).Take(pageSize + 1).ToListAsync(context.CancellationToken);
        var nextPageToken = Paging.TakePage(page, pageSize, i => i.Id);

        return new ListInteractionsResponse
        {
            Interactions = { page.Select(i => i.ToProto()) },
            NextPageToken = nextPageToken,
        };
    }

    private async Task RequireKnownCompany(Guid companyId, string requestedId, CancellationToken cancellationToken)
    {
        if (!await db.KnownCompanies.AnyAsync(c => c.CompanyId == companyId, cancellationToken))
        {
            throw new ResourceNotFoundException("Company", requestedId);
        }
    }
}
