using System.Net;
using System.Net.Http.Json;
using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.IntegrationTests.Support;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests;

/// <summary>Who is who at a client: roles held from and to, reporting lines, people who left.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PeopleTests(PlatformFixture platform)
{
    private static readonly Date LastYear = new() { Year = DateTime.UtcNow.Year - 1, Month = 1, Day = 1 };

    [Fact]
    public async Task KeyOfficers_AreThoseWhoseRoleHasNotEnded()
    {
        using var tenant = await platform.NewTenant();
        var (company, _, cfo) = await ArrangeKeyOfficerChange(tenant);

        var keyOfficers = (await tenant.People.ListPeopleAsync(new ListPeopleRequest { CompanyId = company.Id, Role = PersonRole.KeyOfficer })).People;

        Assert.Equal([cfo.Id], keyOfficers.Select(p => p.Id));
    }

    [Fact]
    public async Task KeyOfficerChanges_AreInTheCompanysHistory_WithTheRolesBeforeAndAfter()
    {
        using var tenant = await platform.NewTenant();
        var (company, ceo, cfo) = await ArrangeKeyOfficerChange(tenant);

        var officerChanges = (await tenant.History.ListCompanyChangesAsync(new ListCompanyChangesRequest
        {
            CompanyId = company.Id,
            Fields = { "person.roles" },
            Since = Timestamp.FromDateTime(new DateTime(DateTime.UtcNow.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
        })).Changes;

        Assert.Equal([ceo.Id, cfo.Id], officerChanges.Select(c => c.PersonId));
        Assert.Null(officerChanges[0].PersonBefore.Roles[0].EndDate);
        Assert.Equal(Today(), officerChanges[0].PersonAfter.Roles[0].EndDate);
    }

    [Fact]
    public async Task PersonsEmails_AreKeptInLowerCase()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Officers AB" } });

        var person = await tenant.People.CreatePersonAsync(new CreatePersonRequest { CompanyId = company.Id, Person = new Person { GivenName = "Anna", Emails = { "Anna.Ek@Officers.example" } } });

        Assert.Equal("anna.ek@officers.example", (await tenant.People.GetPersonAsync(new GetPersonRequest { Id = person.Id })).Emails.Single());
    }

    [Fact]
    public async Task PersonWhoLeaves_HasLeftToday()
    {
        using var tenant = await platform.NewTenant();
        var (_, person) = await ArrangeMainContact(tenant);

        var left = await tenant.People.LeaveCompanyAsync(new LeaveCompanyRequest { Id = person.Id });

        Assert.Equal(Today(), left.LeftDate);
    }

    [Fact]
    public async Task PersonWhoLeaves_HasEveryRoleEndedToday()
    {
        using var tenant = await platform.NewTenant();
        var (_, person) = await ArrangeMainContact(tenant);

        var left = await tenant.People.LeaveCompanyAsync(new LeaveCompanyRequest { Id = person.Id });

        Assert.Equal(Today(), Assert.Single(left.Roles).EndDate);
    }

    [Fact]
    public async Task PersonWhoLeft_IsListedOnlyWithFormerPeople()
    {
        using var tenant = await platform.NewTenant();
        var (company, person) = await ArrangeMainContact(tenant);

        await tenant.People.LeaveCompanyAsync(new LeaveCompanyRequest { Id = person.Id });

        Assert.Empty((await tenant.People.ListPeopleAsync(new ListPeopleRequest { CompanyId = company.Id })).People);
        Assert.Equal([person.Id], (await tenant.People.ListPeopleAsync(new ListPeopleRequest { CompanyId = company.Id, ShowFormer = true })).People.Select(p => p.Id));
    }

    [Fact]
    public async Task PersonWhoLeft_LeavingAgain_IsFailedPrecondition()
    {
        using var tenant = await platform.NewTenant();
        var (_, person) = await ArrangeMainContact(tenant);
        await tenant.People.LeaveCompanyAsync(new LeaveCompanyRequest { Id = person.Id });

        var again = await Assert.ThrowsAsync<RpcException>(() => tenant.People.LeaveCompanyAsync(new LeaveCompanyRequest { Id = person.Id }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
    }

    [Fact]
    public async Task Leaving_IsInTheCompanysHistory()
    {
        using var tenant = await platform.NewTenant();
        var (company, person) = await ArrangeMainContact(tenant);

        await tenant.People.LeaveCompanyAsync(new LeaveCompanyRequest { Id = person.Id });

        var history = (await tenant.History.ListCompanyChangesAsync(new ListCompanyChangesRequest { CompanyId = company.Id, Fields = { "person.left_date" } })).Changes;
        Assert.Equal(Today(), Assert.Single(history).PersonAfter.LeftDate);
    }

    [Fact]
    public async Task BadPerson_IsInvalidArgument_WithEveryViolation()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Checks AB" } });
        var person = new Person
        {
            GivenName = "",
            Emails = { "not-an-email" },
            Phones = { "call me" },
            Birthday = new Date { Year = DateTime.UtcNow.Year + 1, Month = 1, Day = 1 },
            Roles = { new RoleHolding { Role = PersonRole.Unspecified, StartDate = new Date { Year = 2024, Month = 2, Day = 30 } } },
            SocialProfiles = { new SocialProfile { Network = "linkedin", Url = "ftp://x" } },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => tenant.People.CreatePersonAsync(new CreatePersonRequest { CompanyId = company.Id, Person = person }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(
            ["person.birthday", "person.emails[0]", "person.given_name", "person.phones[0]", "person.roles[0].role", "person.roles[0].start_date", "person.social_profiles[0].url"],
            error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field).Order());
        Assert.Empty((await tenant.People.ListPeopleAsync(new ListPeopleRequest { CompanyId = company.Id, ShowFormer = true })).People);
    }

    [Fact]
    public async Task BadPersonOverRest_IsBadRequest()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Checks AB" } });

        var overRest = await tenant.Rest.PostAsJsonAsync($"/v1/companies/{company.Id}/people", new { givenName = "Dan", birthday = new { year = 3000, month = 1, day = 1 } });

        Assert.Equal(HttpStatusCode.BadRequest, overRest.StatusCode);
        Assert.Empty((await tenant.People.ListPeopleAsync(new ListPeopleRequest { CompanyId = company.Id, ShowFormer = true })).People);
    }

    [Fact]
    public async Task AnotherTenantsPeopleAndCompanies_AreNotFound_InEveryCall()
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();
        var theirCompany = await b.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "B AB" } });
        var theirPerson = await b.People.CreatePersonAsync(new CreatePersonRequest { CompanyId = theirCompany.Id, Person = new Person { GivenName = "Bea" } });
        var ours = await a.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "A AB" } });

        var calls = new (string Name, Func<Task> Call)[]
        {
            ("create at their company", () => a.People.CreatePersonAsync(new CreatePersonRequest { CompanyId = theirCompany.Id, Person = new Person { GivenName = "X" } }).ResponseAsync),
            ("list their company", () => a.People.ListPeopleAsync(new ListPeopleRequest { CompanyId = theirCompany.Id }).ResponseAsync),
            ("get", () => a.People.GetPersonAsync(new GetPersonRequest { Id = theirPerson.Id }).ResponseAsync),
            ("update", () => a.People.UpdatePersonAsync(new UpdatePersonRequest { Person = new Person { Id = theirPerson.Id, Title = "Spy" } }).ResponseAsync),
            ("leave", () => a.People.LeaveCompanyAsync(new LeaveCompanyRequest { Id = theirPerson.Id }).ResponseAsync),
            ("report to them", () => a.People.CreatePersonAsync(new CreatePersonRequest { CompanyId = ours.Id, Person = new Person { GivenName = "X", ReportsToId = theirPerson.Id } }).ResponseAsync),
        };
        foreach (var (name, call) in calls)
        {
            var error = await Assert.ThrowsAsync<RpcException>(call);
            Assert.True(error.StatusCode == StatusCode.NotFound, $"{name}: {error.StatusCode}");
        }

        Assert.Equal("", (await b.People.GetPersonAsync(new GetPersonRequest { Id = theirPerson.Id })).Title);
    }

    /// <summary>Anna (CEO, a key officer since last year) and Bo (CFO, reporting to her); Bo becomes a key officer today and Anna's key officer role ends today.</summary>
    private static async Task<(Company Company, Person Ceo, Person Cfo)> ArrangeKeyOfficerChange(TenantClient tenant)
    {
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Officers AB" } });
        var ceo = await tenant.People.CreatePersonAsync(new CreatePersonRequest
        {
            CompanyId = company.Id,
            Person = new Person
            {
                GivenName = "Anna",
                FamilyName = "Ek",
                Title = "CEO",
                Emails = { "Anna.Ek@Officers.example" },
                Birthday = new Date { Year = 1980, Month = 5, Day = 17 },
                Roles = { new RoleHolding { Role = PersonRole.KeyOfficer, StartDate = LastYear }, new RoleHolding { Role = PersonRole.DecisionMaker, StartDate = LastYear } },
            },
        });
        var cfo = await tenant.People.CreatePersonAsync(new CreatePersonRequest
        {
            CompanyId = company.Id,
            Person = new Person { GivenName = "Bo", Title = "CFO", ReportsToId = ceo.Id },
        });

        await tenant.People.UpdatePersonAsync(new UpdatePersonRequest
        {
            Person = new Person { Id = cfo.Id, Roles = { new RoleHolding { Role = PersonRole.KeyOfficer, StartDate = Today() } } },
            UpdateMask = FieldMask.FromString("roles"),
        });
        var annasRoles = ceo.Roles.Clone();
        annasRoles[0].EndDate = Today();
        await tenant.People.UpdatePersonAsync(new UpdatePersonRequest
        {
            Person = new Person { Id = ceo.Id, Roles = { annasRoles }, Etag = ceo.Etag },
            UpdateMask = FieldMask.FromString("roles"),
        });
        return (company, ceo, cfo);
    }

    /// <summary>Cecilia, the main contact since last year.</summary>
    private static async Task<(Company Company, Person Person)> ArrangeMainContact(TenantClient tenant)
    {
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Leavers AB" } });
        var person = await tenant.People.CreatePersonAsync(new CreatePersonRequest
        {
            CompanyId = company.Id,
            Person = new Person { GivenName = "Cecilia", Roles = { new RoleHolding { Role = PersonRole.MainContact, StartDate = LastYear } } },
        });
        return (company, person);
    }

    private static Date Today() => new() { Year = DateTime.UtcNow.Year, Month = DateTime.UtcNow.Month, Day = DateTime.UtcNow.Day };
}
