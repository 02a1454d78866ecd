using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.IntegrationTests.Support;
using Grpc.Core;
using Npgsql;

namespace CrmPlatform.IntegrationTests;

/// <summary>Finding clients by what someone remembers of them.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CompanySearchTests(PlatformFixture platform)
{
    /// <summary>
    /// Under row-level security PostgreSQL uses an index for a condition only when its operator is
    /// LEAKPROOF; pg_trgm's are not declared so, and without them a fuzzy search reads every
    /// tenant's rows (9 s at a million companies against a quarter of a second with the index).
    /// The platform's provisioning declares them; the application role's view of the catalogue says so.
    /// </summary>
    [Fact]
    public async Task TrigramOperators_AreLeakproof_SoTheIndexesServeUnderRowLevelSecurity()
    {
        await using var app = new NpgsqlConnection(platform.AppConnectionString("profiles"));
        await app.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT o.oprname, p.proleakproof FROM pg_operator o JOIN pg_proc p ON p.oid = o.oprcode
            WHERE o.oprname IN ('%', '<%', '%>') AND o.oprleft = 'text'::regtype AND o.oprright = 'text'::regtype
            ORDER BY o.oprname
            """,
            app);
        var operators = new List<(string, bool)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                operators.Add((reader.GetString(0), reader.GetBoolean(1)));
            }
        }

        Assert.Equal([("%", true), ("%>", true), ("<%", true)], operators);
    }

    [Fact]
    public async Task Search_ToleratesTypos_RankingTheBestMatchFirst()
    {
        using var tenant = await platform.NewTenant();
        await CreateTimberAndFreight(tenant);

        var typo = await Search(tenant, "nordik timbr");

        Assert.Equal(["Nordic Timber AB", "Nordic Timber Holding International Group"], typo.Results.Select(r => r.Company.Name));
        Assert.True(typo.Results[0].Score > typo.Results[1].Score);
    }

    [Fact]
    public async Task Search_FindsACompanyByItsWebsiteOrEmail()
    {
        using var tenant = await platform.NewTenant();
        await CreateTimberAndFreight(tenant);

        Assert.Equal(["Baltic Freight"], (await Search(tenant, "balticfreight")).Results.Select(r => r.Company.Name));
        Assert.Equal("Nordic Timber AB", (await Search(tenant, "nordictimber.se")).Results[0].Company.Name);
    }

    [Fact]
    public async Task Search_ForWhatNoCompanyResembles_FindsNone()
    {
        using var tenant = await platform.NewTenant();
        await CreateTimberAndFreight(tenant);

        Assert.Empty((await Search(tenant, "zzqx")).Results);
    }

    // A shared common word alone is not a match.
    [Fact]
    public async Task Search_MatchesEveryWord()
    {
        using var tenant = await platform.NewTenant();
        await CreateTimberAndFreight(tenant);
        await Create(tenant, new Company { Name = "Timber Trading Oy" });

        Assert.Equal(["Timber Trading Oy"], (await Search(tenant, "timbr tradng")).Results.Select(r => r.Company.Name));
        Assert.Empty((await Search(tenant, "nordic timber zebra")).Results);
    }

    [Fact]
    public async Task Search_CombinesTextWithOrGroupsOfAndedConditions_OverRestToo()
    {
        using var tenant = await platform.NewTenant();
        await Create(tenant, new Company { Name = "Acme Sweden", LifecycleStage = LifecycleStage.Customer, Headquarters = new Address { CountryCode = "SE" }, EmployeeCount = 500 });
        await Create(tenant, new Company { Name = "Acme Finland", LifecycleStage = LifecycleStage.Prospect, Headquarters = new Address { CountryCode = "FI" }, EmployeeCount = 20 });
        await Create(tenant, new Company { Name = "Acme Norway", LifecycleStage = LifecycleStage.Customer, Headquarters = new Address { CountryCode = "NO" }, EmployeeCount = 5 });

        // (customer AND more than 100 employees) OR (in Finland)
        var filter = new CompanyFilter
        {
            AnyOf =
            {
                new CompanyConditionGroup
                {
                    AllOf =
                    {
                        new CompanyCondition { Field = "lifecycle_stage", Operator = ConditionOperator.Equals, Value = "CUSTOMER" },
                        new CompanyCondition { Field = "employee_count", Operator = ConditionOperator.GreaterThan, Value = "100" },
                    },
                },
                new CompanyConditionGroup { AllOf = { new CompanyCondition { Field = "country_code", Operator = ConditionOperator.Equals, Value = "fi" } } },
            },
        };
        var found = await tenant.Search.SearchCompaniesAsync(new SearchCompaniesRequest { Query = "acme", Filter = filter });
        Assert.Equal(["Acme Finland", "Acme Sweden"], found.Results.Select(r => r.Company.Name).Order());

        var rest = await tenant.Rest.PostAsJsonAsync("/v1/companies:search", new
        {
            query = "acme",
            filter = new { anyOf = new[] { new { allOf = new[] { new { field = "country_code", @operator = "CONDITION_OPERATOR_NOT_EQUALS", value = "SE" } } } } },
        });
        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        var names = JsonNode.Parse(await rest.Content.ReadAsStringAsync())!["results"]!.AsArray().Select(r => (string)r!["company"]!["name"]!).Order();
        Assert.Equal(["Acme Finland", "Acme Norway"], names);
    }

    [Fact]
    public async Task Search_PagesThroughEveryMatchOnce()
    {
        using var tenant = await platform.NewTenant();
        for (var i = 0; i < 7; i++)
        {
            await Create(tenant, new Company { Name = $"Paging Example {new string('x', i)}" });
        }

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await tenant.Search.SearchCompaniesAsync(new SearchCompaniesRequest { Query = "paging example", PageSize = 3, PageToken = token });
            seen.AddRange(page.Results.Select(r => r.Company.Id));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(7, seen.Distinct().Count());
        Assert.Equal(7, seen.Count);
    }

    [Fact]
    public async Task Search_NeverReturnsAnotherTenantsCompanies()
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();
        await Create(a, new Company { Name = "Confidential Prospect Oy" });

        Assert.Single((await Search(a, "confidential prospect")).Results);
        Assert.Empty((await Search(b, "confidential prospect")).Results);
        Assert.Empty((await b.Search.SearchCompaniesAsync(new SearchCompaniesRequest())).Results);
    }

    [Fact]
    public async Task SearchWithBadConditions_IsInvalidArgument_WithEveryViolation()
    {
        using var tenant = await platform.NewTenant();
        var filter = new CompanyFilter
        {
            AnyOf =
            {
                new CompanyConditionGroup
                {
                    AllOf =
                    {
                        new CompanyCondition { Field = "shoe_size", Operator = ConditionOperator.Equals, Value = "42" },
                        new CompanyCondition { Field = "industry_code", Operator = ConditionOperator.GreaterThan, Value = "5" },
                        new CompanyCondition { Field = "employee_count", Operator = ConditionOperator.Equals, Value = "many" },
                    },
                },
            },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => tenant.Search.SearchCompaniesAsync(new SearchCompaniesRequest { Query = "x", Filter = filter }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(
            ["filter.any_of[0].all_of[0].field", "filter.any_of[0].all_of[1].operator", "filter.any_of[0].all_of[2].value"],
            error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field));
    }

    private static async Task CreateTimberAndFreight(TenantClient tenant)
    {
        await Create(tenant, new Company { Name = "Nordic Timber AB", Website = "https://nordictimber.se" });
        await Create(tenant, new Company { Name = "Nordic Timber Holding International Group", Email = "info@nth.example" });
        await Create(tenant, new Company { Name = "Baltic Freight", Email = "ops@balticfreight.example" });
    }

    private static Task<Company> Create(TenantClient tenant, Company company) =>
        tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = company }).ResponseAsync;

    private static Task<SearchCompaniesResponse> Search(TenantClient tenant, string query) =>
        tenant.Search.SearchCompaniesAsync(new SearchCompaniesRequest { Query = query }).ResponseAsync;

    [Fact]
    public async Task Search_FindsACompanyByItsPeople_ButNotByPeopleWhoLeft()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Nordic Timber AB" } });
        await tenant.People.CreatePersonAsync(new CreatePersonRequest
        {
            CompanyId = company.Id,
            Person = new Person { GivenName = "Margareta", FamilyName = "Lindqvist", Emails = { "m.lindqvist@timber.example" } },
        });
        var leaver = await tenant.People.CreatePersonAsync(new CreatePersonRequest { CompanyId = company.Id, Person = new Person { GivenName = "Zacharias" } });
        await tenant.People.LeaveCompanyAsync(new LeaveCompanyRequest { Id = leaver.Id });

        var byName = await tenant.Search.SearchCompaniesAsync(new SearchCompaniesRequest { Query = "lindqvst" });
        var byEmail = await tenant.Search.SearchCompaniesAsync(new SearchCompaniesRequest { Query = "m.lindqvist@timber" });
        var byLeaver = await tenant.Search.SearchCompaniesAsync(new SearchCompaniesRequest { Query = "zacharias" });

        Assert.Equal([company.Id], byName.Results.Select(r => r.Company.Id));
        Assert.Equal([company.Id], byEmail.Results.Select(r => r.Company.Id));
        Assert.Empty(byLeaver.Results);
    }
}
