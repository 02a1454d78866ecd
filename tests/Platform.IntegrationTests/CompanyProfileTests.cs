using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.IntegrationTests.Support;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests;

/// <summary>The whole customer file of a company: registration, money, ownership, addresses, the tenant's own fields, strategy.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CompanyProfileTests(PlatformFixture platform)
{
    [Fact]
    public async Task FullProfile_KeepsItsRegistrationNumberAndExternalId()
    {
        using var tenant = await platform.NewTenant();
        var (_, read) = await WriteAndReadFullProfile(tenant);

        Assert.Equal("556000-1234", read.RegistrationNumber);
        Assert.Equal("ERP-1", read.ExternalId);
    }

    [Fact]
    public async Task FullProfile_KeepsItsRevenueToTheNano()
    {
        using var tenant = await platform.NewTenant();
        var (_, read) = await WriteAndReadFullProfile(tenant);

        Assert.Equal(new Money { CurrencyCode = "SEK", Units = 12_500_000, Nanos = 500_000_000 }, read.AnnualRevenue);
    }

    [Fact]
    public async Task FullProfile_KeepsItsFinancialStatus()
    {
        using var tenant = await platform.NewTenant();
        var (_, read) = await WriteAndReadFullProfile(tenant);

        Assert.Equal("AA", read.FinancialStatus.CreditRating);
        Assert.Equal(new Date { Year = 2025, Month = 12, Day = 31 }, read.FinancialStatus.AsOfDate);
    }

    [Fact]
    public async Task FullProfile_KeepsItsParentAndOwners()
    {
        using var tenant = await platform.NewTenant();
        var (parent, read) = await WriteAndReadFullProfile(tenant);

        Assert.Equal(parent.Id, read.Ownership.ParentCompanyId);
        Assert.Equal(["Anna Ek", "Fund One"], read.Ownership.Owners.Select(o => o.Name));
    }

    [Fact]
    public async Task FullProfile_KeepsItsAddresses()
    {
        using var tenant = await platform.NewTenant();
        var (_, read) = await WriteAndReadFullProfile(tenant);

        Assert.Equal(AddressKind.Billing, Assert.Single(read.Addresses).Kind);
    }

    [Fact]
    public async Task FullProfile_KeepsTheTenantsCustomFields()
    {
        using var tenant = await platform.NewTenant();
        var (_, read) = await WriteAndReadFullProfile(tenant);

        Assert.Equal(3, read.CustomFields["seats"].NumberValue);
        Assert.True(read.CustomFields["framework_agreement"].BoolValue);
    }

    [Fact]
    public async Task FullProfile_KeepsItsStrategy()
    {
        using var tenant = await platform.NewTenant();
        var (_, read) = await WriteAndReadFullProfile(tenant);

        Assert.Equal([Channel.Email, Channel.Meeting], read.Strategy.PreferredChannels);
        Assert.Equal("Cross-sell support", Assert.Single(read.Strategy.Opportunities).Title);
    }

    [Fact]
    public async Task FullProfile_ReadsTheSameOverRest()
    {
        using var tenant = await platform.NewTenant();
        var (_, read) = await WriteAndReadFullProfile(tenant);

        var overRest = JsonNode.Parse(await tenant.Rest.GetStringAsync($"/v1/companies/{read.Id}"))!;

        Assert.Equal("AA", (string)overRest["financialStatus"]!["creditRating"]!);
        Assert.Equal(3, (double)overRest["customFields"]!["seats"]!["numberValue"]!);
    }

    [Fact]
    public async Task OwnershipChange_IsInTheHistory_FilterableByField()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Owned AB" } });
        var owner = new Owner { Name = "Venture AB", Kind = OwnerKind.Company, SharePercent = 60 };

        await tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = company.Id, Ownership = new Ownership { Owners = { owner } } },
            UpdateMask = FieldMask.FromString("ownership"),
        });
        await tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = company.Id, AccountOwner = "erik" },
            UpdateMask = FieldMask.FromString("account_owner"),
        });

        var ownership = Assert.Single((await tenant.History.ListCompanyChangesAsync(new ListCompanyChangesRequest { CompanyId = company.Id, Fields = { "ownership" } })).Changes);
        Assert.Null(ownership.Before.Ownership);
        Assert.Equal(owner, Assert.Single(ownership.After.Ownership.Owners));
    }

    [Fact]
    public async Task EveryBadField_IsReportedAtOnce()
    {
        using var tenant = await platform.NewTenant();
        await DefineCustomFields(tenant);
        var company = new Company
        {
            Name = "Bad AB",
            AnnualRevenue = new Money { CurrencyCode = "kr", Units = -5 },
            FinancialStatus = new FinancialStatus { AsOfDate = new Date { Year = 2999, Month = 1, Day = 1 } },
            Ownership = new Ownership { ParentCompanyId = "not-a-uuid", Owners = { new Owner { Name = "", SharePercent = 150 } } },
            Addresses = { new Address { Kind = AddressKind.Headquarters, CountryCode = "SWE" } },
            CustomFields = { ["unknown"] = new CustomFieldValue { TextValue = "x" }, ["seats"] = new CustomFieldValue { TextValue = "three" } },
            Strategy = new Strategy { ContactCadenceDays = -1, Opportunities = { new Opportunity() } },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = company }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "company.annual_revenue.currency_code", "company.annual_revenue", "company.financial_status.as_of_date",
            "company.ownership.parent_company_id", "company.ownership.owners[0].name", "company.ownership.owners[0].share_percent",
            "company.addresses[0].kind", "company.addresses[0].country_code", "company.custom_fields.unknown", "company.custom_fields.seats",
            "company.strategy.contact_cadence_days", "company.strategy.opportunities[0].title",
        }, fields);
        Assert.Empty((await tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies);
    }

    [Fact]
    public async Task BadField_OverRest_IsBadRequest_NamingTheField()
    {
        using var tenant = await platform.NewTenant();

        var response = await tenant.Rest.PostAsJsonAsync("/v1/companies", new { name = "Bad AB", strategy = new { contactCadenceDays = -1 } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("company.strategy.contact_cadence_days", await response.Content.ReadAsStringAsync());
        Assert.Empty((await tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies);
    }

    [Fact]
    public async Task AnotherTenantsCompany_CannotBeNamedAsParentOrOwner()
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();
        var theirs = await b.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "B Holding" } });

        var asParent = await Assert.ThrowsAsync<RpcException>(() => a.Companies.CreateCompanyAsync(new CreateCompanyRequest
        {
            Company = new Company { Name = "A AB", Ownership = new Ownership { ParentCompanyId = theirs.Id } },
        }).ResponseAsync);
        var asOwner = await Assert.ThrowsAsync<RpcException>(() => a.Companies.CreateCompanyAsync(new CreateCompanyRequest
        {
            Company = new Company { Name = "A AB", Ownership = new Ownership { Owners = { new Owner { Name = "B", CompanyId = theirs.Id, SharePercent = 10 } } } },
        }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, asParent.StatusCode);
        Assert.Equal(StatusCode.NotFound, asOwner.StatusCode);
        Assert.Empty((await a.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies);
    }

    [Fact]
    public async Task CustomFieldSchema_IsReadAsDefined()
    {
        using var tenant = await platform.NewTenant();
        await DefineCustomFields(tenant);

        var schema = await tenant.CustomFields.GetCustomFieldSchemaAsync(new GetCustomFieldSchemaRequest());

        Assert.Equal(["framework_agreement", "renewal", "seats"], schema.Fields.Select(f => f.Key));
    }

    [Fact]
    public async Task CustomFieldSchema_IsTheTenantsOwn()
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();
        await DefineCustomFields(a);

        Assert.Empty((await b.CustomFields.GetCustomFieldSchemaAsync(new GetCustomFieldSchemaRequest())).Fields);
    }

    [Fact]
    public async Task BadCustomFieldSchema_IsInvalidArgument_LeavingTheSchemaAsItWas()
    {
        using var tenant = await platform.NewTenant();
        await DefineCustomFields(tenant);

        var bad = await Assert.ThrowsAsync<RpcException>(() => tenant.CustomFields.UpdateCustomFieldSchemaAsync(new UpdateCustomFieldSchemaRequest
        {
            Schema = new CustomFieldSchema { Fields = { new CustomFieldDefinition { Key = "Bad Key", Type = CustomFieldType.Text }, new CustomFieldDefinition { Key = "x" } } },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal(3, (await tenant.CustomFields.GetCustomFieldSchemaAsync(new GetCustomFieldSchemaRequest())).Fields.Count);
    }

    /// <summary>Defines the custom fields, creates a parent and the full profile under it, and reads it back over gRPC.</summary>
    private static async Task<(Company Parent, Company Read)> WriteAndReadFullProfile(TenantClient tenant)
    {
        await DefineCustomFields(tenant);
        var parent = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Holding AB" } });
        var created = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = FullCompany(parent.Id) });
        return (parent, await tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = created.Id }));
    }

    internal static Task DefineCustomFields(TenantClient tenant) => tenant.CustomFields.UpdateCustomFieldSchemaAsync(new UpdateCustomFieldSchemaRequest
    {
        Schema = new CustomFieldSchema
        {
            Fields =
            {
                new CustomFieldDefinition { Key = "seats", Type = CustomFieldType.Number, Label = "Licensed seats" },
                new CustomFieldDefinition { Key = "framework_agreement", Type = CustomFieldType.Bool },
                new CustomFieldDefinition { Key = "renewal", Type = CustomFieldType.Date },
            },
        },
    }).ResponseAsync;

    private static Company FullCompany(string parentId) => new()
    {
        Name = "Full Profile AB",
        ExternalId = "ERP-1",
        RegistrationNumber = "556000-1234",
        AnnualRevenue = new Money { CurrencyCode = "SEK", Units = 12_500_000, Nanos = 500_000_000 },
        FinancialStatus = new FinancialStatus
        {
            CreditRating = "AA",
            LastRevenue = new Money { CurrencyCode = "SEK", Units = 12_000_000 },
            Source = "Annual report 2025",
            AsOfDate = new Date { Year = 2025, Month = 12, Day = 31 },
        },
        Ownership = new Ownership
        {
            ParentCompanyId = parentId,
            Owners =
            {
                new Owner { Name = "Anna Ek", Kind = OwnerKind.Person, SharePercent = 40 },
                new Owner { Name = "Fund One", Kind = OwnerKind.Fund, SharePercent = 35.5 },
            },
        },
        Addresses = { new Address { Kind = AddressKind.Billing, Lines = { "Box 12" }, City = "Malmö", CountryCode = "SE" } },
        CustomFields =
        {
            ["seats"] = new CustomFieldValue { NumberValue = 3 },
            ["framework_agreement"] = new CustomFieldValue { BoolValue = true },
        },
        Strategy = new Strategy
        {
            PreferredChannels = { Channel.Email, Channel.Meeting },
            ContactCadenceDays = 30,
            SalesStrategy = "Land and expand",
            Opportunities = { new Opportunity { Title = "Cross-sell support", EstimatedValue = new Money { CurrencyCode = "SEK", Units = 200_000 } } },
        },
    };
}
