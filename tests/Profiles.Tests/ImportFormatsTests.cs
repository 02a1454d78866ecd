using CrmPlatform.Profiles.Bulk;

namespace CrmPlatform.Profiles.Tests;

public sealed class ImportFormatsTests
{
    [Fact]
    public async Task Csv_SetsEachNamedColumn()
    {
        var rows = await Csv("external_id,name,employee_count,country_code\nerp-1,Acme,25,SE\n");

        Assert.Equal(("erp-1", "Acme", 25, "SE"), (rows[0].Company.ExternalId, rows[0].Company.Name, rows[0].Company.EmployeeCount, rows[0].Company.Headquarters.CountryCode));
    }

    [Fact]
    public async Task Csv_SplitsTagsOnSemicolons()
    {
        var rows = await Csv("name,tags\nAcme,steel; export\n");

        Assert.Equal(["steel", "export"], rows[0].Company.Tags);
    }

    [Fact]
    public async Task Csv_ACellThatIsNotANumber_FailsOnlyItsRow()
    {
        var rows = await Csv("name,employee_count\nAcme,many\nBeta,3\n");

        Assert.Equal((1, 0), (rows[0].Problems.Count, rows[1].Problems.Count));
    }

    [Fact]
    public async Task Csv_AnUnknownColumn_IsRefusedBeforeAnyRow()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => Csv("name,shoe_size\nAcme,44\n"));
    }

    [Fact]
    public async Task JsonLines_ReadsOneCompanyPerLine()
    {
        var rows = await JsonLines("{\"name\":\"Acme\"}\n{\"name\":\"Beta\",\"employeeCount\":3}\n");

        Assert.Equal(["Acme", "Beta"], rows.Select(r => r.Company.Name));
    }

    [Fact]
    public async Task JsonLines_ALineThatIsNotJson_FailsOnlyItself()
    {
        var rows = await JsonLines("{\"name\":\"Acme\"}\n{not json\n{\"name\":\"Beta\"}\n");

        Assert.Equal([0, 1, 0], rows.Select(r => r.Problems.Count));
    }

    private static async Task<List<ImportInput>> Csv(string text) =>
        await (await ImportFormats.Csv(new StringReader(text), CancellationToken.None)).ToListAsync();

    private static async Task<List<ImportInput>> JsonLines(string text) =>
        await ImportFormats.JsonLines(new StringReader(text), CancellationToken.None).ToListAsync();
}
