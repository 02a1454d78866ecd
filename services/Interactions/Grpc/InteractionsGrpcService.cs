using CrmPlatform.Contracts.Interactions.V1;
using CrmPlatform.EventContracts.Interactions.V1;
using CrmPlatform.Interactions.Data;
using CrmPlatform.KnownCompanies;
using CrmPlatform.Messaging.Outbox;
using CrmPlatform.GrpcConventions;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Interactions.Grpc;

public sealed class InteractionsGrpcService(InteractionsDbContext db, IEventOutbox outbox, PageTokens pages, TimeProvider clock)
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
        await db.RequireKnownCompany(companyId, request.CompanyId, context.CancellationToken);

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
        var page = pages.Read(request, violations);
        violations.ThrowIfAny();

        await db.RequireKnownCompany(companyId, request.CompanyId, context.CancellationToken);

        var query = db.Interactions.AsNoTracking().Where(i => i.CompanyId == companyId);
        if (page.After is { } cursor)
        {
            query = query.Where(i => i.Id.CompareTo(cursor.Id) < 0);
        }

        var (rows, nextPageToken) = await query.OrderByDescending(i => i.Id).ToPageAsync(page, i => PageCursor.At(i.Id), context.CancellationToken);

        return new ListInteractionsResponse
        {
            Interactions = { rows.Select(i => i.ToProto()) },
            NextPageToken = nextPageToken,
        };
    }
}
