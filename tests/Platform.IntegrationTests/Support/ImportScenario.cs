using CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.IntegrationTests.Support;

/// <summary>
/// Two imports into one tenant, run once for the import tests to check one behaviour each.
/// <see cref="First"/>: C-1 (Alpha, owner anna) and C-3 (Gamma, 40 employees) are created; a
/// bad email, a row without an external id and C-1 again are rejected. <see cref="Second"/>:
/// C-1 with owner erik, and C-3 without its employee count.
/// </summary>
public sealed class ImportScenario
{
    private static readonly Once<ImportScenario> Run = new(Live);

    public required TenantClient Tenant { get; init; }
    public required ImportCompaniesResponse First { get; init; }
    public required ImportCompaniesResponse Second { get; init; }

    public string AlphaId => First.Rows[0].CompanyId;

    public string GammaId => First.Rows[4].CompanyId;

    public static Task<ImportScenario> Of(PlatformFixture platform) => Run.Of(platform);

    private static async Task<ImportScenario> Live(PlatformFixture platform)
    {
        var tenant = await platform.NewTenant();
        var first = await ImportExportTests.Import(tenant, "",
            new Company { ExternalId = "C-1", Name = "Alpha AB", AccountOwner = "anna" },
            new Company { ExternalId = "C-2", Name = "Beta AB", Email = "not-an-email" },
            new Company { Name = "No External Id AB" },
            new Company { ExternalId = "C-1", Name = "Alpha Again AB" },
            new Company { ExternalId = "C-3", Name = "Gamma AB", EmployeeCount = 40 });
        var second = await ImportExportTests.Import(tenant, "",
            new Company { ExternalId = "C-1", Name = "Alpha AB", AccountOwner = "erik" },
            new Company { ExternalId = "C-3", Name = "Gamma AB" });
        return new ImportScenario { Tenant = tenant, First = first, Second = second };
    }
}
