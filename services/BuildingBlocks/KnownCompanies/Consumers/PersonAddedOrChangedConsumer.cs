using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.Tenancy.Data;
using MassTransit;

namespace CrmPlatform.KnownCompanies;

/// <summary>Learns of people at companies and keeps their name and emails current; both events carry the person as they now stand.</summary>
public sealed class PersonAddedOrChangedConsumer(TenantDbContext db) : IConsumer<PersonAdded>, IConsumer<PersonChanged>
{
    public Task Consume(ConsumeContext<PersonAdded> context) =>
        Snapshot(context.Message.PersonId, context.Message.CompanyId, context.Message.Person, context.Message.OccurredAt, context.CancellationToken);

    public Task Consume(ConsumeContext<PersonChanged> context) =>
        Snapshot(context.Message.PersonId, context.Message.CompanyId, context.Message.Person, context.Message.OccurredAt, context.CancellationToken);

    private async Task Snapshot(Guid personId, Guid companyId, PersonSnapshot snapshot, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var person = await db.LockPerson(personId, companyId, cancellationToken);
        person.Snapshot(companyId, snapshot, at);
        await db.SaveChangesAsync(cancellationToken);
    }
}
