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
    public async Task Import_CreatesUpdatesAndRejectsRowByRow_AndReportsEach()
    {
        using var tenant = await platform.NewTenant();
        var first = await Import(tenant, "",
            new Company { ExternalId = "C-1", Name = "Alpha AB", AccountOwner = "anna" },
            new Company { ExternalId = "C-2", Name = "Beta AB", Email = "not-an-email" },
            new Company { Name = "No External Id AB" },
            new Company { ExternalId = "C-1", Name = "Alpha Again AB" },
            new Company { ExternalId = "C-3", Name = "Gamma AB", EmployeeCount = 40 });

        Assert.Equal((2, 0, 0, 3), (first.Created, first.Updated, first.Unchanged, first.Rejected));
        Assert.Equal([1, 2, 3, 4, 5], first.Rows.Select(r => r.Row));
        Assert.Equal(
            [ImportOutcome.Created, ImportOutcome.Rejected, ImportOutcome.Rejected, ImportOutcome.Rejected, ImportOutcome.Created],
            first.Rows.Select(r => r.Outcome));
        Assert.Equal("email", Assert.Single(first.Rows[1].Problems).Field);
        Assert.Equal("external_id", Assert.Single(first.Rows[2].Problems).Field);
        Assert.Contains("earlier row", Assert.Single(first.Rows[3].Problems).Description);

        var second = await Import(tenant, "",
            new Company { ExternalId = "C-1", Name = "Alpha AB", AccountOwner = "erik" },
            new Company { ExternalId = "C-3", Name = "Gamma AB" });

        Assert.Equal((0, 1, 1, 0), (second.Created, second.Updated, second.Unchanged, second.Rejected));
        var alpha = await tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = first.Rows[0].CompanyId });
        Assert.Equal("erik", alpha.AccountOwner);
        Assert.Equal(40, (await tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = first.Rows[4].CompanyId })).EmployeeCount);
        var owner = Assert.Single((await tenant.History.ListCompanyChangesAsync(new ListCompanyChangesRequest { CompanyId = alpha.Id })).Changes);
        Assert.Equal(("anna", "erik"), (owner.Before.AccountOwner, owner.After.AccountOwner));
        Assert.StartsWith("import:", owner.Actor);

        // The imported companies' events reach the other services.
        await Eventually.True(
            async () => (await tenant.Segmentation.GetCompanyFactsAsync(new GetCompanyFactsRequest { CompanyId = alpha.Id })).Name == "Alpha AB",
            "imported company to reach Segmentation");
    }

    [Fact]
    public async Task ImportRetriedWithTheSameKey_AnswersAsTheFirst_AndADifferentImportIsRefused()
    {
        using var tenant = await platform.NewTenant();
        var key = Guid.NewGuid().ToString();
        var rows = new[] { new Company { ExternalId = "K-1", Name = "Keyed AB" }, new Company { ExternalId = "K-2", Name = "" } };

        var first = await Import(tenant, key, rows);
        var retry = await Import(tenant, key, rows);

        Assert.Equal(first.ImportId, retry.ImportId);
        Assert.Equal(first.Rows, retry.Rows);
        Assert.Equal((1, 1), (retry.Created, retry.Rejected));
        var different = await Assert.ThrowsAsync<RpcException>(() => Import(tenant, key, new Company { ExternalId = "K-3", Name = "Other AB" }));
        Assert.Equal(StatusCode.InvalidArgument, different.StatusCode);
        Assert.Single((await tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies);
    }

    [Fact]
    public async Task RestImport_TakesCsvAndJsonLines_AndRefusesAnUnknownColumn()
    {
        using var tenant = await platform.NewTenant();
        var csv = "external_id,name,employee_count,tags,city,country_code\n"
            + "R-1,\"Comma, Inc\",12,vip;north,Umeå,SE\n"
            + "R-2,Broken AB,twelve,,,\n";
        var csvReport = await PostImport(tenant, csv, "text/csv");
        Assert.Equal(1, (int)csvReport["created"]!);
        Assert.Equal(1, (int)csvReport["rejected"]!);
        Assert.Equal("employee_count", (string)csvReport["rows"]![1]!["problems"]![0]!["field"]!);

        var lines = "{\"externalId\":\"R-1\",\"name\":\"Comma, Inc\",\"accountOwner\":\"anna\"}\n{not json}\n{\"externalId\":\"R-3\",\"name\":\"Json AB\"}\n";
        var jsonReport = await PostImport(tenant, lines, "application/x-ndjson");
        Assert.Equal((1, 1, 1), ((int)jsonReport["created"]!, (int)jsonReport["updated"]!, (int)jsonReport["rejected"]!));

        var companies = (await tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies;
        var comma = Assert.Single(companies, c => c.ExternalId == "R-1");
        Assert.Equal(("Comma, Inc", 12, "Umeå", "anna"), (comma.Name, comma.EmployeeCount, comma.Headquarters.City, comma.AccountOwner));
        Assert.Equal(["north", "vip"], comma.Tags.Order());

        var unknown = await tenant.Rest.PostAsync("/v1/companies:import", new StringContent("external_id,shoe_size\nX,42\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("header[1]", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(2, (await tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies.Count);
    }

    [Fact]
    public async Task Export_StreamsEveryLiveCompanyOfTheTenant_AndNoOther()
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();
        await Import(a, "", Enumerable.Range(1, 2500).Select(i => new Company { ExternalId = $"E-{i}", Name = $"Export {i} AB" }).ToArray());
        await Import(b, "", new Company { ExternalId = "E-1", Name = "Theirs AB" });
        var deleted = (await a.Companies.ListCompaniesAsync(new ListCompaniesRequest { PageSize = 1 })).Companies[0];
        await a.Companies.DeleteCompanyAsync(new DeleteCompanyRequest { Id = deleted.Id });

        using var export = a.Bulk.ExportCompanies(new ExportCompaniesRequest());
        var exported = await export.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(2499, exported.Count);
        Assert.DoesNotContain(exported, c => c.Id == deleted.Id || c.Name == "Theirs AB");
        var overRest = (await a.Rest.GetStringAsync("/v1/companies:export")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2499, overRest.Length);
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
    public async Task GrpcImport_RejectsARowWithANulInItsName_AndImportsTheRestOfItsBatch()
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
    public async Task Import_RejectsARowOnlyTheDatabaseRefuses_WithAReasonAndNoSql_AndImportsTheRestOfItsBatch()
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
    public async Task CsvImport_RejectsRowsThatCannotBeReadOrBreakTheTextRule_WithTheirLines_AndImportsTheOthers()
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

    private static async Task<JsonNode> PostImport(TenantClient tenant, string body, string contentType)
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
