using CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.IntegrationTests.Support;

/// <summary>
/// One tenant's companies arranged once for the duplicate tests to read one behaviour each:
/// <see cref="Timber"/> and, against it, a company with the same domain and name, one with a
/// typo in the name, one sharing a person's email, one sharing the phone number written
/// otherwise, and an unrelated one. Finding duplicates changes nothing, so every read answers the same.
/// </summary>
public sealed class DuplicatesScenario
{
    private static readonly Once<DuplicatesScenario> Run = new(Live);

    public required TenantClient Tenant { get; init; }
    public required Company Timber { get; init; }
    public required Company SameDomainAndName { get; init; }
    public required Company Typo { get; init; }
    public required Company SamePerson { get; init; }
    public required Company SamePhone { get; init; }
    public required Company Unrelated { get; init; }

    public static Task<DuplicatesScenario> Of(PlatformFixture platform) => Run.Of(platform);

    private static async Task<DuplicatesScenario> Live(PlatformFixture platform)
    {
        var tenant = await platform.NewTenant();
        var timber = await Create(tenant, new Company { Name = "Nordic Timber AB", Website = "https://www.nordictimber.se", Phone = "+46 90 123 45 67" });
        var sameDomainAndName = await Create(tenant, new Company { Name = "NORDIC-TIMBER", Domain = "nordictimber.se" });
        var typo = await Create(tenant, new Company { Name = "Nordik Timber" });
        var samePerson = await Create(tenant, new Company { Name = "Umeå Sawmill" });
        var samePhone = await Create(tenant, new Company { Name = "Forest Holdings", Phone = "+46 (90) 123-45-67" });
        var unrelated = await Create(tenant, new Company { Name = "Zebra Logistics", Phone = "+1 555 0100 200" });
        await tenant.People.CreatePersonAsync(new CreatePersonRequest { CompanyId = timber.Id, Person = new Person { GivenName = "Anna", Emails = { "anna@nordictimber.se" } } });
        await tenant.People.CreatePersonAsync(new CreatePersonRequest { CompanyId = samePerson.Id, Person = new Person { GivenName = "Anna", Emails = { "Anna@NordicTimber.se" } } });
        return new DuplicatesScenario
        {
            Tenant = tenant,
            Timber = timber,
            SameDomainAndName = sameDomainAndName,
            Typo = typo,
            SamePerson = samePerson,
            SamePhone = samePhone,
            Unrelated = unrelated,
        };
    }

    private static async Task<Company> Create(TenantClient tenant, Company company) =>
        await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = company });
}
