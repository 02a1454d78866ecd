using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Profiles.Grpc;

/// <summary>The people at a client: who decides, who to call, who reports to whom, who has left.</summary>
public sealed partial class ProfilesGrpcService
{
    private const string KeyOfficer = "key_officer";

    public override async Task<Person> CreatePerson(CreatePersonRequest request, ServerCallContext context)
    {
        var today = Today();
        var violations = new FieldViolations();
        var companyId = ResourceId.Parse(request.CompanyId, "company_id", violations);
        PersonValidator.Validate(request.Person, "person", violations, today).ThrowIfAny();
        await Live(companyId, request.CompanyId, null, context.CancellationToken);
        await CheckReportsTo(request.Person.ReportsToId, companyId, context.CancellationToken);

        var now = clock.GetUtcNow();
        var person = new Data.Person { GivenName = "", TenantId = db.TenantId, CompanyId = companyId, CreatedAt = now, UpdatedAt = now };
        person.CopyFrom(request.Person, today);
        db.People.Add(person);
        outbox.Enqueue(new PersonAdded(db.TenantId, companyId, person.Id, person.ToSnapshot()));
        if (person.CurrentRoles.Contains(KeyOfficer))
        {
            outbox.Enqueue(await KeyOfficersNow(person, context.CancellationToken));
        }

        await db.SaveChangesAsync(context.CancellationToken);
        return person.ToProto();
    }

    public override async Task<Person> GetPerson(GetPersonRequest request, ServerCallContext context)
    {
        var id = ResourceId.Parse(request.Id, "id");
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Person", request.Id);
        if (request.AsOfTime is null)
        {
            return person.ToProto();
        }

        return (await AsOf([person], request.AsOfTime.ToDateTimeOffset(), context.CancellationToken)).FirstOrDefault()
            ?? throw new ResourceNotFoundException("Person", request.Id);
    }

    public override async Task<ListPeopleResponse> ListPeople(ListPeopleRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var companyId = ResourceId.Parse(request.CompanyId, "company_id", violations);
        var pageSize = Paging.PageSize(request.PageSize, "page_size", violations);
        var after = Paging.After(request.PageToken, "page_token", violations);
        violations.Check(System.Enum.IsDefined(request.Role), "role", "is not a known role").ThrowIfAny();
        if (!await db.Companies.AnyAsync(c => c.Id == companyId, context.CancellationToken))
        {
            throw new ResourceNotFoundException("Company", request.CompanyId);
        }

        // As of a past time, who had left and who held which role is known only once rewound.
        var asOf = request.AsOfTime?.ToDateTimeOffset();
        var role = request.Role == PersonRole.Unspecified ? null : PersonMapper.RoleName(request.Role);
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

        if (after is { } cursor)
        {
            query = query.Where(p => p.Id.CompareTo(cursor) > 0);
        }

        var page = await query.OrderBy(p => p.Id).Take(pageSize + 1).ToListAsync(context.CancellationToken);
        var nextPageToken = Paging.TakePage(page, pageSize, p => p.Id);
        if (asOf is not { } past)
        {
            return new ListPeopleResponse { People = { page.Select(p => p.ToProto()) }, NextPageToken = nextPageToken };
        }

        // A page can come back shorter than page_size: the filters apply after rewinding.
        var day = DateOnly.FromDateTime(past.UtcDateTime);
        var asTheyWere = (await AsOf(page, past, context.CancellationToken))
            .Where(p => request.ShowFormer || p.LeftDate is null)
            .Where(p => role is null || PersonMapper.CurrentRoles(p, day).Contains(role));
        return new ListPeopleResponse { People = { asTheyWere }, NextPageToken = nextPageToken };
    }

    public override async Task<Person> UpdatePerson(UpdatePersonRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        if (request.Person is null)
        {
            violations.Add("person", "is required").ThrowIfAny();
        }

        var id = ResourceId.Parse(request.Person!.Id, "person.id", violations);
        var mask = Updatable.Person.Resolve(request.UpdateMask, request.Person, violations);
        violations.ThrowIfAny();

        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Person", request.Person.Id);
        Updatable.CheckEtag("Person", request.Person.Id, request.Person.Etag, person.Etag);

        var today = Today();
        var before = person.ToProto();
        var after = UpdatableFields<Person>.Apply(mask, request.Person, before);
        PersonValidator.Validate(after, "person", new FieldViolations(), today).ThrowIfAny();
        await CheckReportsTo(after.ReportsToId, person.CompanyId, context.CancellationToken);

        var wasKeyOfficer = person.CurrentRoles.Contains(KeyOfficer);
        person.CopyFrom(after, today);
        var changed = Updatable.Person.Changed(before, person.ToProto());
        if (changed.Count > 0)
        {
            person.UpdatedAt = clock.GetUtcNow();
            db.CompanyChanges.AddRange(CompanyHistory.PersonChanges(person, before, person.ToProto(), changed, Actor(), person.UpdatedAt));
            outbox.Enqueue(new PersonChanged(db.TenantId, person.CompanyId, person.Id, changed, person.ToSnapshot()));
            if (wasKeyOfficer != person.CurrentRoles.Contains(KeyOfficer))
            {
                outbox.Enqueue(await KeyOfficersNow(person, context.CancellationToken));
            }

            await db.SaveChangesAsync(context.CancellationToken);
        }

        return person.ToProto();
    }

    public override async Task<Person> LeaveCompany(LeaveCompanyRequest request, ServerCallContext context)
    {
        var today = Today();
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

        var wasKeyOfficer = person.CurrentRoles.Contains(KeyOfficer);
        after.LeftDate = leftOn.ToDate();
        person.LeftOn = leftOn;
        person.CopyFrom(after, today);
        person.UpdatedAt = clock.GetUtcNow();
        var changed = before.Roles.Equals(after.Roles) ? new List<string> { "left_date" } : ["left_date", "roles"];
        db.CompanyChanges.AddRange(CompanyHistory.PersonChanges(person, before, after, changed, Actor(), person.UpdatedAt));
        outbox.Enqueue(new PersonLeft(db.TenantId, person.CompanyId, person.Id, leftOn));
        if (wasKeyOfficer)
        {
            outbox.Enqueue(await KeyOfficersNow(person, context.CancellationToken));
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

    /// <summary>The company's key officers once <paramref name="changed"/>'s change is saved.</summary>
    private async Task<KeyOfficersChanged> KeyOfficersNow(Data.Person changed, CancellationToken cancellationToken)
    {
        var others = await db.People.AsNoTracking()
            .Where(p => p.CompanyId == changed.CompanyId && p.Id != changed.Id && p.CurrentRoles.Contains(KeyOfficer))
            .Select(p => p.Id)
            .ToListAsync(cancellationToken);
        if (changed.CurrentRoles.Contains(KeyOfficer))
        {
            others.Add(changed.Id);
        }

        return new KeyOfficersChanged(db.TenantId, changed.CompanyId, others.Order().ToList());
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
