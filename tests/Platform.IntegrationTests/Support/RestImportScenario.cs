using System.Text.Json.Nodes;

namespace CrmPlatform.IntegrationTests.Support;

/// <summary>
/// Two imports over REST into one tenant, run once for the import tests to check one behaviour
/// each: a CSV file (R-1 "Comma, Inc" with tags and a city, and R-2 with a bad employee count),
/// then JSON lines (R-1 again with an account owner, a line that is no JSON, and R-3).
/// </summary>
public sealed class RestImportScenario
{
    private static readonly Once<RestImportScenario> Run = new(Live);

    public required TenantClient Tenant { get; init; }

    /// <summary>The CSV import's report: its final totals and every row.</summary>
    public required JsonNode CsvReport { get; init; }

    /// <summary>The JSON-lines import's report: its final totals and every row.</summary>
    public required JsonNode JsonLinesReport { get; init; }

    public static Task<RestImportScenario> Of(PlatformFixture platform) => Run.Of(platform);

    private static async Task<RestImportScenario> Live(PlatformFixture platform)
    {
        var tenant = await platform.NewTenant();
        var csv = "external_id,name,employee_count,tags,city,country_code\n"
            + "R-1,\"Comma, Inc\",12,vip;north,Umeå,SE\n"
            + "R-2,Broken AB,twelve,,,\n";
        var csvReport = await ImportExportTests.PostImport(tenant, csv, "text/csv");
        var lines = "{\"externalId\":\"R-1\",\"name\":\"Comma, Inc\",\"accountOwner\":\"anna\"}\n{not json}\n{\"externalId\":\"R-3\",\"name\":\"Json AB\"}\n";
        var jsonLinesReport = await ImportExportTests.PostImport(tenant, lines, "application/x-ndjson");
        return new RestImportScenario { Tenant = tenant, CsvReport = csvReport, JsonLinesReport = jsonLinesReport };
    }
}
