using CrmPlatform.Contracts.Profiles.V1;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests.Support;

/// <summary>
/// A tenant with 2,500 imported companies, one of them deleted, beside another tenant with one,
/// exported once over gRPC and once over REST for the export tests to check one behaviour each.
/// Importing that many is the costly part, so it is done once.
/// </summary>
public sealed class ExportScenario
{
    private static readonly Once<ExportScenario> Run = new(Live);

    public const string OtherTenantsName = "Theirs AB";

    public required Company Deleted { get; init; }

    public required List<Company> Exported { get; init; }

    /// <summary>The REST export's lines, one company each.</summary>
    public required string[] ExportedOverRest { get; init; }

    public static Task<ExportScenario> Of(PlatformFixture platform) => Run.Of(platform);

    private static async Task<ExportScenario> Live(PlatformFixture platform)
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();
        await ImportExportTests.Import(a, "", Enumerable.Range(1, 2500).Select(i => new Company { ExternalId = $"E-{i}", Name = $"Export {i} AB" }).ToArray());
        await ImportExportTests.Import(b, "", new Company { ExternalId = "E-1", Name = OtherTenantsName });
        var deleted = (await a.Companies.ListCompaniesAsync(new ListCompaniesRequest { PageSize = 1 })).Companies[0];
        await a.Companies.DeleteCompanyAsync(new DeleteCompanyRequest { Id = deleted.Id });

        using var export = a.Bulk.ExportCompanies(new ExportCompaniesRequest());
        var exported = await export.ResponseStream.ReadAllAsync().ToListAsync();
        var overRest = (await a.Rest.GetStringAsync("/v1/companies:export")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // 2,500 new companies are 2,500 events for each of three services. Waiting them out here,
        // until the last one imported is known everywhere, keeps the next test that waits on an
        // event of its own from paying for them (20 to 40 s on two cores) against its timeout.
        var last = exported.MaxBy(c => int.Parse(c.ExternalId[2..], System.Globalization.CultureInfo.InvariantCulture))!;
        await a.KnownEverywhere(last.Id, "the exported companies to reach every service", TimeSpan.FromMinutes(2));

        return new ExportScenario { Deleted = deleted, Exported = exported, ExportedOverRest = overRest };
    }
}
