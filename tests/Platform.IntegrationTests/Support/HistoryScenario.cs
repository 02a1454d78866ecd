using CrmPlatform.Contracts.Profiles.V1;
using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.IntegrationTests.Support;

/// <summary>
/// Three histories lived through once, in one tenant, for the history tests to read one
/// behaviour each: a company changed twice and deleted; a company renamed and deleted; and a
/// company whose people and project changed after a moment kept as <see cref="Then"/>.
/// Nothing changes them afterwards, so every read the tests make answers the same.
/// </summary>
public sealed class HistoryScenario
{
    private static readonly Once<HistoryScenario> Run = new(Live);

    public required TenantClient Tenant { get; init; }

    /// <summary>Created with owner anna and industry 111; owner set to erik; industry 222 and tag vip; deleted.</summary>
    public required Company Changed { get; init; }

    /// <summary>"Before AB", owned by anna, as created; renamed "After AB" (owner erik), then deleted.</summary>
    public required Company Created { get; init; }
    public required Company Renamed { get; init; }

    /// <summary>
    /// Anna (CFO) and Carl, and the project Deal at planning, were there <see cref="Then"/>.
    /// Since: Bo joined, Anna became CEO and a key officer, Carl left and Deal was won.
    /// </summary>
    public required Company Staffed { get; init; }
    public required Person Anna { get; init; }
    public required Person Carl { get; init; }
    public required Person Bo { get; init; }
    public required Project Deal { get; init; }
    public required Timestamp Then { get; init; }

    public static Task<HistoryScenario> Of(PlatformFixture platform) => Run.Of(platform);

    private static async Task<HistoryScenario> Live(PlatformFixture platform)
    {
        var tenant = await platform.NewTenant();

        var changed = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest
        {
            Company = new Company { Name = "History AB", AccountOwner = "anna", Industry = new Industry { Code = "111" } },
        });
        await tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = changed.Id, AccountOwner = "erik" },
            UpdateMask = FieldMask.FromString("account_owner"),
        });
        await tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = changed.Id, Industry = new Industry { Code = "222" }, Tags = { "vip" } },
            UpdateMask = FieldMask.FromString("industry,tags"),
        });
        await tenant.Companies.DeleteCompanyAsync(new DeleteCompanyRequest { Id = changed.Id });

        var created = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Before AB", AccountOwner = "anna" } });
        var renamed = await tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = created.Id, Name = "After AB", AccountOwner = "erik" },
            UpdateMask = FieldMask.FromString("name,account_owner"),
        });
        await tenant.Companies.DeleteCompanyAsync(new DeleteCompanyRequest { Id = created.Id });

        var staffed = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Then AB" } });
        var anna = await tenant.People.CreatePersonAsync(new CreatePersonRequest { CompanyId = staffed.Id, Person = new Person { GivenName = "Anna", Title = "CFO" } });
        var carl = await tenant.People.CreatePersonAsync(new CreatePersonRequest { CompanyId = staffed.Id, Person = new Person { GivenName = "Carl" } });
        var deal = await tenant.Projects.CreateProjectAsync(new CreateProjectRequest { CompanyId = staffed.Id, Project = new Project { Name = "ERP", Stage = ProjectStage.Planning } });
        await Task.Delay(100);
        var then = Timestamp.FromDateTime(DateTime.UtcNow);
        await Task.Delay(100);

        var bo = await tenant.People.CreatePersonAsync(new CreatePersonRequest { CompanyId = staffed.Id, Person = new Person { GivenName = "Bo" } });
        var today = DateTime.UtcNow;
        await tenant.People.UpdatePersonAsync(new UpdatePersonRequest
        {
            Person = new Person
            {
                Id = anna.Id,
                Title = "CEO",
                Roles = { new RoleHolding { Role = PersonRole.KeyOfficer, StartDate = new Contracts.Common.V1.Date { Year = today.Year, Month = today.Month, Day = today.Day } } },
            },
            UpdateMask = FieldMask.FromString("title,roles"),
        });
        await tenant.People.LeaveCompanyAsync(new LeaveCompanyRequest { Id = carl.Id });
        await tenant.Projects.UpdateProjectAsync(new UpdateProjectRequest { Project = new Project { Id = deal.Id, Stage = ProjectStage.Won }, UpdateMask = FieldMask.FromString("stage") });

        return new HistoryScenario
        {
            Tenant = tenant,
            Changed = changed,
            Created = created,
            Renamed = renamed,
            Staffed = staffed,
            Anna = anna,
            Carl = carl,
            Bo = bo,
            Deal = deal,
            Then = then,
        };
    }
}
