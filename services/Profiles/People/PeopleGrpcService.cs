using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.GrpcConventions;
using CrmPlatform.Messaging.Outbox;
using CrmPlatform.Profiles.Companies;
using CrmPlatform.Profiles.Data;
using CrmPlatform.Profiles.History;
using CrmPlatform.Profiles.Updates;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.People;

/// <summary>crm.profiles.v1.PeopleService: the people at a client: who decides, who to call, who reports to whom, who has left.</summary>
public sealed class PeopleGrpcService(ProfilesDbContext db, IEventOutbox outbox, LiveCompanies live, KeyOfficers keyOfficers, PastVersions versions, Actors actors, PageTokens pages, TimeProvider clock)
    : Proto.PeopleService.PeopleServiceBase
{
    public override async Task<Proto.Person> CreatePerson(Proto.CreatePersonRequest request, ServerCallContext context)
    {
        var today = clock.Today();
        var violations = new FieldViolations();
        var companyId = ResourceId.Parse(request.CompanyId, "company_id", violations);
        PersonValidator.Validate(request.Person, "person", violations, today).ThrowIfAny();
        await live.Find(companyId, request.CompanyId, null, context.CancellationToken);
        await CheckReportsTo(request.Person.ReportsToId, companyId, context.CancellationToken);

        var now = clock.GetUtcNow();
        var person = new Person { GivenName = "", TenantId = db.TenantId, CompanyId = companyId, CreatedAt = now, UpdatedAt = now };
        person.CopyFrom(request.Person, today);
        db.People.Add(person);
        outbox.Enqueue(new PersonAdded(db.TenantId, companyId, person.Id, person.ToSnapshot()));
        if (person.CurrentRoles.Contains(KeyOfficers.Role))
        {
            outbox.Enqueue(await keyOfficers.After(person, context.CancellationToken));
        }

        await db.SaveChangesAsync(context.CancellationToken);
        return person.ToProto();
    }

    public override async Task<Proto.Person> GetPerson(Proto.GetPersonRequest request, ServerCallContext context)
    {
        var id = ResourceId.Parse(request.Id, "id");
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Person", request.Id);
        if (request.AsOfTime is null)
        {
            return person.ToProto();
        }

        return (await versions.Of([person], request.AsOfTime.ToDateTimeOffset(), context.CancellationToken)).FirstOrDefault()
            ?? throw new ResourceNotFoundException("Person", request.Id);
    }

    public override async Task<Proto.ListPeopleResponse> ListPeople(Proto.ListPeopleRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var companyId = ResourceId.Parse(request.CompanyId, "company_id", violations);
        var page = pages.Read(request, violations);
        violations.Check(Enum.IsDefined(request.Role), "role", "is not a known role").ThrowIfAny();
        if (!await db.Companies.AnyAsync(c => c.Id == companyId, context.CancellationToken))
        {
            throw new ResourceNotFoundException("Company", request.CompanyId);
        }

        // As of a past time, who had left and who held which role is known only once rewound.
        var asOf = request.AsOfTime?.ToDateTimeOffset();
        var role = request.Role == Proto.PersonRole.Unspecified ? null : PersonMapper.RoleName(request.Role);
        var query = db.People.AsNoTracking().Where(p => p.CompanyId == companyId);
        if (asOf is { } then)
        {
            query = query.Where(p => p.CreatedAt <= then);
        }
        else
        {
            if (!request.ShowFormer)
            {
                query = query.Where(p => p.LeftOn == null);
            }

            if (role is not null)
            {
                query = query.Where(p => p.CurrentRoles.Contains(role));
            }
        }

        if (page.After is { } cursor)
        {
            query = query.Where(p => p.Id.CompareTo(cursor.Id) > 0);
        }

        var (rows, nextPageToken) = await query.OrderBy(p => p.Id).ToPageAsync(page, p => PageCursor.At(p.Id), context.CancellationToken);
        if (asOf is not { } past)
        {
            return new Proto.ListPeopleResponse { People = { rows.Select(p => p.ToProto()) }, NextPageToken = nextPageToken };
        }

        // A page can come back shorter than page_size: the filters apply after rewinding.
        var day = DateOnly.FromDateTime(past.UtcDateTime);
        var asTheyWere = (await versions.Of(rows, past, context.CancellationToken))
            .Where(p => request.ShowFormer || p.LeftDate is null)
            .Where(p => role is null || PersonMapper.CurrentRoles(p, day).Contains(role));
        return new Proto.ListPeopleResponse { People = { asTheyWere }, NextPageToken = nextPageToken };
    }

    public override async Task<Proto.Person> UpdatePerson(Proto.UpdatePersonRequest request, ServerCallContext context)
    {
        var (person, before, after) = await Updatable.Person.Open(
            "Person", "person", request.Person, request.UpdateMask, db.People, p => p.ToProto(), context.CancellationToken);

        var today = clock.Today();
        PersonValidator.Validate(after, "person", new FieldViolations(), today).ThrowIfAny();
        await CheckReportsTo(after.ReportsToId, person.CompanyId, context.CancellationToken);

        var wasKeyOfficer = person.CurrentRoles.Contains(KeyOfficers.Role);
        person.CopyFrom(after, today);
        var changed = Updatable.Person.Changed(before, person.ToProto());
        if (changed.Count > 0)
        {
            person.UpdatedAt = clock.GetUtcNow();
            db.CompanyChanges.AddRange(CompanyHistory.PersonChanges(person, before, person.ToProto(), changed, actors.Current, person.UpdatedAt));
            outbox.Enqueue(new PersonChanged(db.TenantId, person.CompanyId, person.Id, changed, person.ToSnapshot()));
            if (wasKeyOfficer != person.CurrentRoles.Contains(KeyOfficers.Role))
            {
                outbox.Enqueue(await keyOfficers.After(person, context.CancellationToken));
            }

            await db.SaveChangesAsync(context.CancellationToken);
        }

        return person.ToProto();
    }

    public override async Task<Proto.Person> LeaveCompany(Proto.LeaveCompanyRequest request, ServerCallContext context)
    {
        var today = clock.Today();
        var violations = new FieldViolations();
        var id = ResourceId.Parse(request.Id, "id", violations);
        var leftOn = violations.Date("left_date", request.LeftDate) ?? today;
        violations.Check(leftOn <= today, "left_date", "must not be in the future").ThrowIfAny();

        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Person", request.Id);
        if (person.LeftOn is not null)
        {
            throw new PreconditionFailedException($"Person '{request.Id}' has already left.");
        }

        // Every role still held ends the day the person leaves.
        var before = person.ToProto();
        var after = before.Clone();
        foreach (var role in after.Roles.Where(r => r.EndDate is null || r.EndDate.ToDateOnly() > leftOn))
        {
            role.EndDate = leftOn.ToDate();
        }

        var wasKeyOfficer = person.CurrentRoles.Contains(KeyOfficers.Role);
        after.LeftDate = leftOn.ToDate();
        person.LeftOn = leftOn;
        person.CopyFrom(after, today);
        person.UpdatedAt = clock.GetUtcNow();
        var changed = before.Roles.Equals(after.Roles) ? new List<string> { "left_date" } : ["left_date", "roles"];
        db.CompanyChanges.AddRange(CompanyHistory.PersonChanges(person, before, after, changed, actors.Current, person.UpdatedAt));
        outbox.Enqueue(new PersonLeft(db.TenantId, person.CompanyId, person.Id, leftOn));
        if (wasKeyOfficer)
        {
            outbox.Enqueue(await keyOfficers.After(person, context.CancellationToken));
        }

        await db.SaveChangesAsync(context.CancellationToken);
        return person.ToProto();
    }

    /// <summary>A person reports to someone at the same company.</summary>
    private async Task CheckReportsTo(string reportsToId, Guid companyId, CancellationToken cancellationToken)
    {
        if (reportsToId.Length > 0)
        {
            var boss = Guid.Parse(reportsToId);
            if (!await db.People.AnyAsync(p => p.Id == boss && p.CompanyId == companyId, cancellationToken))
            {
                throw new ResourceNotFoundException("Person", reportsToId);
            }
        }
    }
}
