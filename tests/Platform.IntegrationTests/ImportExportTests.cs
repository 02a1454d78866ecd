using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.Contracts.Segmentation.V1;
using CrmPlatform.IntegrationTests.Support;
using Google.Protobuf;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests;

/// <summary>Companies in bulk: upserted by the tenant's own ids with a report per row, and exported whole.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ImportExportTests(PlatformFixture platform)
{
    [Fact]
    public async Task Import_ReportsEveryRowInOrder_WithItsOutcome()
    {
        var first = (await ImportScenario.Of(platform)).First;

        Assert.Equal([1, 2, 3, 4, 5], first.Rows.Select(r => r.Row));
        Assert.Equal(
            [ImportOutcome.Created, ImportOutcome.Rejected, ImportOutcome.Rejected, ImportOutcome.Rejected, ImportOutcome.Created],
            first.Rows.Select(r => r.Outcome));
    }

    [Fact]
    public async Task Import_CountsEveryOutcome()
    {
        var first = (await ImportScenario.Of(platform)).First;

        Assert.Equal((2, 0, 0, 3), (first.Created, first.Updated, first.Unchanged, first.Rejected));
    }

    [Fact]
    public async Task Import_RejectsARowWithABadField_NamingTheField()
    {
        var first = (await ImportScenario.Of(platform)).First;

        Assert.Equal("email", Assert.Single(first.Rows[1].Problems).Field);
    }

    [Fact]
    public async Task Import_RejectsARowWithoutAnExternalId()
    {
        var first = (await ImportScenario.Of(platform)).First;

        Assert.Equal("external_id", Assert.Single(first.Rows[2].Problems).Field);
    }

    [Fact]
    public async Task Import_RejectsARowRepeatingAnEarlierRowsExternalId()
    {
        var first = (await ImportScenario.Of(platform)).First;

        Assert.Contains("earlier row", Assert.Single(first.Rows[3].Problems).Description);
    }

    [Fact]
    public async Task Reimport_TellsUpdatedRowsFromUnchangedOnes()
    {
        var second = (await ImportScenario.Of(platform)).Second;

        Assert.Equal((0, 1, 1, 0), (second.Created, second.Updated, second.Unchanged, second.Rejected));
    }

    [Fact]
    public async Task Reimport_UpdatesTheCompanyOfTheExternalId()
    {
        var s = await ImportScenario.Of(platform);

        var alpha = await s.Tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = s.AlphaId });

        Assert.Equal("erik", alpha.AccountOwner);
    }

    [Fact]
    public async Task Reimport_LeavesAFieldTheRowOmits()
    {
        var s = await ImportScenario.Of(platform);

        Assert.Equal(40, (await s.Tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = s.GammaId })).EmployeeCount);
    }

    [Fact]
    public async Task ImportedChange_IsInTheHistory_AsTheImports()
    {
        var s = await ImportScenario.Of(platform);

        var owner = Assert.Single((await s.Tenant.History.ListCompanyChangesAsync(new ListCompanyChangesRequest { CompanyId = s.AlphaId })).Changes);

        Assert.Equal(("anna", "erik"), (owner.Before.AccountOwner, owner.After.AccountOwner));
        Assert.StartsWith("import:", owner.Actor);
    }

    [Fact]
    public async Task ImportedCompanies_ReachTheOtherServices()
    {
        var s = await ImportScenario.Of(platform);

        await Eventually.True(
            async () => (await s.Tenant.Segmentation.GetCompanyFactsAsync(new GetCompanyFactsRequest { CompanyId = s.AlphaId })).Name == "Alpha AB",
            "imported company to reach Segmentation");
    }

    [Fact]
    public async Task ImportRetriedWithTheSameKey_AnswersAsTheFirst()
    {
        using var tenant = await platform.NewTenant();
        var key = Guid.NewGuid().ToString();
        var rows = new[] { new Company { ExternalId = "K-1", Name = "Keyed AB" }, new Company { ExternalId = "K-2", Name = "" } };

        var first = await Import(tenant, key, rows);
        var retry = await Import(tenant, key, rows);

        Assert.Equal(first.ImportId, retry.ImportId);
        Assert.Equal(first.Rows, retry.Rows);
        Assert.Equal((1, 1), (retry.Created, retry.Rejected));
    }

    [Fact]
    public async Task ImportWithAUsedKeyButOtherRows_IsInvalidArgument()
    {
        using var tenant = await platform.NewTenant();
        var key = Guid.NewGuid().ToString();
        await Import(tenant, key, new Company { ExternalId = "K-1", Name = "Keyed AB" }, new Company { ExternalId = "K-2", Name = "" });

        var different = await Assert.ThrowsAsync<RpcException>(() => Import(tenant, key, new Company { ExternalId = "K-3", Name = "Other AB" }));

        Assert.Equal(StatusCode.InvalidArgument, different.StatusCode);
        Assert.Single((await tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies);
    }

    [Fact]
    public async Task RestImportOfCsv_ReportsEveryRow()
    {
        var csvReport = (await RestImportScenario.Of(platform)).CsvReport;

        Assert.Equal(1, (int)csvReport["created"]!);
        Assert.Equal(1, (int)csvReport["rejected"]!);
        Assert.Equal("employee_count", (string)csvReport["rows"]![1]!["problems"]![0]!["field"]!);
    }

    [Fact]
    public async Task RestImportOfJsonLines_ReportsEveryLine()
    {
        var jsonReport = (await RestImportScenario.Of(platform)).JsonLinesReport;

        Assert.Equal((1, 1, 1), ((int)jsonReport["created"]!, (int)jsonReport["updated"]!, (int)jsonReport["rejected"]!));
    }

    [Fact]
    public async Task RestImportedCompany_HoldsWhatTheCsvAndTheJsonLinesSaid()
    {
        var s = await RestImportScenario.Of(platform);

        var companies = (await s.Tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies;

        var comma = Assert.Single(companies, c => c.ExternalId == "R-1");
        Assert.Equal(("Comma, Inc", 12, "Umeå", "anna"), (comma.Name, comma.EmployeeCount, comma.Headquarters.City, comma.AccountOwner));
        Assert.Equal(["north", "vip"], comma.Tags.Order());
    }

    [Fact]
    public async Task RestImportWithAnUnknownColumn_IsBadRequest_NamingItAndImportingNothing()
    {
        var s = await RestImportScenario.Of(platform);

        var unknown = await s.Tenant.Rest.PostAsync("/v1/companies:import", new StringContent("external_id,shoe_size\nX,42\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("header[1]", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(2, (await s.Tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies.Count);
    }

    [Fact]
    public async Task Export_StreamsEveryLiveCompanyOfTheTenant()
    {
        Assert.Equal(2499, (await ExportScenario.Of(platform)).Exported.Count);
    }

    [Fact]
    public async Task Export_LeavesOutDeletedCompanies()
    {
        var s = await ExportScenario.Of(platform);

        Assert.DoesNotContain(s.Exported, c => c.Id == s.Deleted.Id);
    }

    [Fact]
    public async Task Export_LeavesOutAnotherTenantsCompanies()
    {
        Assert.DoesNotContain((await ExportScenario.Of(platform)).Exported, c => c.Name == ExportScenario.OtherTenantsName);
    }

    [Fact]
    public async Task ExportOverRest_StreamsEveryLiveCompanyOfTheTenant()
    {
        Assert.Equal(2499, (await ExportScenario.Of(platform)).ExportedOverRest.Length);
    }

    [Fact]
    public async Task ImportedExternalIds_BelongToOneTenant()
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();

        var ours = await Import(a, "", new Company { ExternalId = "SAME-1", Name = "A's AB" });
        var theirs = await Import(b, "", new Company { ExternalId = "SAME-1", Name = "B's AB" });

        Assert.Equal(ImportOutcome.Created, theirs.Rows[0].Outcome);
        Assert.NotEqual(ours.Rows[0].CompanyId, theirs.Rows[0].CompanyId);
        Assert.Equal("A's AB", (await a.Companies.GetCompanyAsync(new GetCompanyRequest { Id = ours.Rows[0].CompanyId })).Name);
        var error = await Assert.ThrowsAsync<RpcException>(() => a.Companies.GetCompanyAsync(new GetCompanyRequest { Id = theirs.Rows[0].CompanyId }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task GrpcImport_OfARowWithANulInItsName_RejectsThatRowOnly()
    {
        using var tenant = await platform.NewTenant();

        var report = await Import(tenant, "",
            new Company { ExternalId = "N-1", Name = "Before AB" },
            new Company { ExternalId = "N-2", Name = "Nul\0 AB" },
            new Company { ExternalId = "N-3", Name = "After AB" });

        Assert.Equal([ImportOutcome.Created, ImportOutcome.Rejected, ImportOutcome.Created], report.Rows.Select(r => r.Outcome));
        Assert.Equal(("N-2", "name"), (report.Rows[1].ExternalId, Assert.Single(report.Rows[1].Problems).Field));
        Assert.Equal(["After AB", "Before AB"], (await tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies.Select(c => c.Name).Order());
    }

    [Fact]
    public async Task Import_RejectsOnlyTheRowTheDatabaseRefuses_WithAReasonButNoSql()
    {
        using var tenant = await platform.NewTenant();
        await using var refusal = await InjectedFault.RefuseNamesContaining(platform, "profiles", "companies", tenant.TenantId, "Refused");

        var report = await Import(tenant, "",
            new Company { ExternalId = "D-1", Name = "Before AB" },
            new Company { ExternalId = "D-2", Name = "Refused AB" },
            new Company { ExternalId = "D-3", Name = "After AB" });

        Assert.Equal([ImportOutcome.Created, ImportOutcome.Rejected, ImportOutcome.Created], report.Rows.Select(r => r.Outcome));
        var problem = Assert.Single(report.Rows[1].Problems);
        Assert.Equal("was refused by the database", problem.Description);
        Assert.DoesNotContain("SELECT", problem.Description + problem.Field);
        Assert.Equal((2, 1), (report.Created, report.Rejected));
        Assert.Equal(["After AB", "Before AB"], (await tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies.Select(c => c.Name).Order());
    }

    [Fact]
    public async Task Import_AnUpdateTheDatabaseRefuses_ChangesNoFieldOfItsCompany()
    {
        using var tenant = await platform.NewTenant();
        var created = await Import(tenant, "", new Company { ExternalId = "U-1", Name = "Kept AB", AccountOwner = "anna" });
        await using var refusal = await InjectedFault.RefuseNamesContaining(platform, "profiles", "companies", tenant.TenantId, "Refused");

        var report = await Import(tenant, "",
            new Company { ExternalId = "U-1", Name = "Kept Refused AB", AccountOwner = "erik" },
            new Company { ExternalId = "U-2", Name = "New AB" });

        Assert.Equal([ImportOutcome.Rejected, ImportOutcome.Created], report.Rows.Select(r => r.Outcome));
        var kept = await tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = created.Rows[0].CompanyId });
        Assert.Equal(("Kept AB", "anna"), (kept.Name, kept.AccountOwner));
        Assert.Empty((await tenant.History.ListCompanyChangesAsync(new ListCompanyChangesRequest { CompanyId = kept.Id })).Changes);
    }

    [Fact]
    public async Task CsvImport_RejectsOnlyTheRowsItCannotReadOrThatBreakTheTextRule_NamingTheirLines()
    {
        using var tenant = await platform.NewTenant();
        var csv = "external_id,name,employee_count\n"
            + "P-1,Good One AB,1\n"
            + "P-2,Bad Number AB,twelve\n"
            + "P-3,Joe \"Best\" AB,3\n"
            + "P-4,Nul\0 AB,4\n"
            + "P-5,\"Never Closed AB,5\n"
            + "P-6,Good Two AB,6\n";

        var report = await PostImport(tenant, csv, "text/csv");

        var rows = report["rows"]!.AsArray();
        Assert.Equal(
            ["IMPORT_OUTCOME_CREATED", "IMPORT_OUTCOME_REJECTED", "IMPORT_OUTCOME_REJECTED", "IMPORT_OUTCOME_REJECTED", "IMPORT_OUTCOME_REJECTED", "IMPORT_OUTCOME_CREATED"],
            rows.Select(r => (string)r!["outcome"]!));
        Assert.StartsWith("line 3:", (string)rows[1]!["problems"]![0]!["description"]!);
        Assert.StartsWith("line 4:", (string)rows[2]!["problems"]![0]!["description"]!);
        Assert.Equal("name", (string)rows[3]!["problems"]![0]!["field"]!);
        Assert.StartsWith("line 6:", (string)rows[4]!["problems"]![0]!["description"]!);
        Assert.Equal(["Good One AB", "Good Two AB"], (await tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies.Select(c => c.Name).Order());
    }

    [Fact]
    public async Task JsonLinesImport_RejectsALineThatDoesNotParse_WithItsLineNumber()
    {
        using var tenant = await platform.NewTenant();
        var lines = "{\"externalId\":\"J-1\",\"name\":\"One AB\"}\n\n{\"externalId\":\"J-2\",\"name\":}\n{\"externalId\":\"J-3\",\"name\":\"Three AB\"}\n";

        var report = await PostImport(tenant, lines, "application/x-ndjson");

        var rows = report["rows"]!.AsArray();
        Assert.Equal("IMPORT_OUTCOME_REJECTED", (string)rows[1]!["outcome"]!);
        Assert.StartsWith("line 3:", (string)rows[1]!["problems"]![0]!["description"]!);
        Assert.Equal((2, 1), ((int)report["created"]!, (int)report["rejected"]!));
    }

    // Under the tests Profiles writes 100 rows a batch (its appsettings.Testing.json), so a few
    // hundred rows cross several batches without flooding the other services with events.
    [Fact]
    public async Task GrpcImportRetried_OverSeveralBatchesWithABadRow_IsAnsweredWithTheFirstMessagesByteForByte()
    {
        using var tenant = await platform.NewTenant();
        var key = Guid.NewGuid().ToString();
        var rows = Enumerable.Range(1, 450).Select(i => new Company { ExternalId = $"B-{i}", Name = i == 210 ? "" : $"Batch {i} AB" }).ToArray();

        var first = await ImportMessages(tenant, key, rows);
        var retry = await ImportMessages(tenant, key, rows);

        Assert.Equal([100, 200, 299, 399, 449], first.Select(m => m.Created));
        Assert.Equal(first.Select(m => Convert.ToBase64String(m.ToByteArray())), retry.Select(m => Convert.ToBase64String(m.ToByteArray())));
    }

    [Fact]
    public async Task RestImportRetried_OverSeveralBatchesWithABadRow_IsAnsweredWithTheFirstBody()
    {
        using var tenant = await platform.NewTenant();
        var key = Guid.NewGuid().ToString();
        var csv = "external_id,name,employee_count\n" + string.Concat(Enumerable.Range(1, 250).Select(i => i == 220 ? $"R-{i},Bad AB,many\n" : $"R-{i},Rest {i} AB,{i}\n"));

        var first = await PostImportBody(tenant, csv, key);
        var retry = await PostImportBody(tenant, csv, key);

        Assert.Equal(3, first.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(first, retry);
    }

    [Fact]
    public async Task ImportRequestId_UsedByAnotherTenant_ImportsAfresh()
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();
        var key = Guid.NewGuid().ToString();

        var ours = await Import(a, key, new Company { ExternalId = "T-1", Name = "Shared Key AB" });
        var theirs = await Import(b, key, new Company { ExternalId = "T-1", Name = "Shared Key AB" });

        Assert.NotEqual(ours.ImportId, theirs.ImportId);
        Assert.Equal(ImportOutcome.Created, Assert.Single(theirs.Rows).Outcome);
        Assert.Equal("Shared Key AB", Assert.Single((await b.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies).Name);
    }

    /// <summary>Streams the rows in messages of 1,000 and answers every message the import sent, as sent.</summary>
    private static async Task<List<ImportCompaniesResponse>> ImportMessages(TenantClient tenant, string requestId, Company[] rows)
    {
        using var call = tenant.Bulk.ImportCompanies();
        var reading = call.ResponseStream.ReadAllAsync().ToListAsync().AsTask();
        foreach (var (chunk, index) in rows.Chunk(1000).Select((c, i) => (c, i)))
        {
            await call.RequestStream.WriteAsync(new ImportCompaniesRequest { Companies = { chunk }, RequestId = index == 0 ? requestId : "" });
        }

        await call.RequestStream.CompleteAsync();
        return await reading;
    }

    private static async Task<string> PostImportBody(TenantClient tenant, string csv, string requestId)
    {
        var response = await tenant.Rest.PostAsync($"/v1/companies:import?requestId={requestId}", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Streams the rows in messages of 1,000 and gathers the reports into one: every row, the final totals.</summary>
    internal static async Task<ImportCompaniesResponse> Import(TenantClient tenant, string requestId, params Company[] rows)
    {
        using var call = tenant.Bulk.ImportCompanies();
        var reading = call.ResponseStream.ReadAllAsync().ToListAsync().AsTask();
        foreach (var (chunk, index) in rows.Chunk(1000).Select((c, i) => (c, i)))
        {
            await call.RequestStream.WriteAsync(new ImportCompaniesRequest { Companies = { chunk }, RequestId = index == 0 ? requestId : "" });
        }

        await call.RequestStream.CompleteAsync();
        var reports = await reading;
        var all = reports[^1].Clone();
        all.Rows.Clear();
        all.Rows.AddRange(reports.SelectMany(r => r.Rows));
        return all;
    }

    /// <summary>Posts the body to the REST import and gathers the reports into one: every row, the final totals.</summary>
    internal static async Task<JsonNode> PostImport(TenantClient tenant, string body, string contentType)
    {
        var response = await tenant.Rest.PostAsync("/v1/companies:import", new StringContent(body, Encoding.UTF8, contentType));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reports = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        var rows = new JsonArray(reports.SelectMany(r => r["rows"]?.AsArray().Select(n => n!.DeepClone()) ?? []).ToArray());
        var last = reports[^1].DeepClone();
        last["rows"] = rows;
        return last;
    }
}
