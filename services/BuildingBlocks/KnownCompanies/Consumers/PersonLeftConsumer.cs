using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.Tenancy.Data;
using MassTransit;

namespace CrmPlatform.KnownCompanies;

/// <summary>Records the day someone left their company; they stay known, as they stay in Profiles' history.</summary>
public sealed class PersonLeftConsumer(TenantDbContext db) : IConsumer<PersonLeft>
{
    public async Task Consume(ConsumeContext<PersonLeft> context)
    {
        var left = context.Message;
        var person = await db.LockPerson(left.PersonId, left.CompanyId, context.CancellationToken);
        person.LeftOn = left.LeftOn;
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
