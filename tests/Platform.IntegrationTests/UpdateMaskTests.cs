using System.Net;
using System.Text.Json.Nodes;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.IntegrationTests.Support;
using Google.Protobuf.WellKnownTypes;

namespace CrmPlatform.IntegrationTests;

/// <summary>Update masks naming maps (the tenant's own fields) and lists, over REST and gRPC.</summary>
[Collection(PlatformCollection.Name)]
public sealed class UpdateMaskTests(PlatformFixture platform)
{
    [Fact]
    public async Task ReadmeExample_PatchWithCustomFieldsInTheMask_UpdatesTheProfile()
    {
        using var tenant = await platform.NewTenant();
        await CompanyProfileTests.DefineCustomFields(tenant);
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Nordic Timber AB" } });

        var (status, body) = await BadRequests.Send(tenant.Rest, HttpMethod.Patch,
            $"/v1/companies/{company.Id}?updateMask=registrationNumber,annualRevenue,ownership,customFields,strategy", """
            {"registrationNumber":"556000-1234", "annualRevenue":{"currencyCode":"SEK","units":"12500000"},
             "ownership":{"owners":[{"name":"Anna Ek","kind":"OWNER_KIND_PERSON","sharePercent":40}]},
             "customFields":{"seats":{"numberValue":12}},
             "strategy":{"preferredChannels":["CHANNEL_EMAIL"],"contactCadenceDays":30,"salesStrategy":"Land and expand"}}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(12, (double)JsonNode.Parse(body)!["customFields"]!["seats"]!["numberValue"]!);
    }

    [Fact]
    public async Task UpdateCompany_WithCustomFieldsInTheMask_ReplacesThem()
    {
        using var tenant = await platform.NewTenant();
        await CompanyProfileTests.DefineCustomFields(tenant);
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest
        {
            Company = new Company { Name = "Map AB", CustomFields = { ["seats"] = new() { NumberValue = 3 }, ["framework_agreement"] = new() { BoolValue = true } } },
        });

        var updated = await tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = company.Id, CustomFields = { ["seats"] = new() { NumberValue = 9 } } },
            UpdateMask = FieldMask.FromString("custom_fields"),
        });

        Assert.Equal(["seats"], updated.CustomFields.Keys);
        Assert.Equal(9, updated.CustomFields["seats"].NumberValue);
    }

    [Fact]
    public async Task UpdateCompany_WithOneCustomFieldKeyInTheMask_SetsOnlyThatEntry()
    {
        using var tenant = await platform.NewTenant();
        await CompanyProfileTests.DefineCustomFields(tenant);
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest
        {
            Company = new Company { Name = "Key AB", CustomFields = { ["seats"] = new() { NumberValue = 3 }, ["framework_agreement"] = new() { BoolValue = true } } },
        });

        var (status, body) = await BadRequests.Send(tenant.Rest, HttpMethod.Patch,
            $"/v1/companies/{company.Id}?updateMask=customFields.seats", """{"customFields":{"seats":{"numberValue":20}}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        var fields = JsonNode.Parse(body)!["customFields"]!;
        Assert.Equal(20, (double)fields["seats"]!["numberValue"]!);
        Assert.True((bool)fields["framework_agreement"]!["boolValue"]!);
    }

    [Fact]
    public async Task UpdateCompany_WithACustomFieldKeyTheBodyLacks_RemovesThatEntry()
    {
        using var tenant = await platform.NewTenant();
        await CompanyProfileTests.DefineCustomFields(tenant);
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest
        {
            Company = new Company { Name = "Remove AB", CustomFields = { ["seats"] = new() { NumberValue = 3 }, ["framework_agreement"] = new() { BoolValue = true } } },
        });

        var updated = await tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = company.Id },
            UpdateMask = FieldMask.FromString("custom_fields.seats"),
        });

        Assert.Equal(["framework_agreement"], updated.CustomFields.Keys);
    }

    [Fact]
    public async Task UpdateCompany_WithAnUnknownCustomFieldKey_IsA400NamingIt()
    {
        using var tenant = await platform.NewTenant();
        await CompanyProfileTests.DefineCustomFields(tenant);
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Unknown Key AB" } });

        var (status, body) = await BadRequests.Send(tenant.Rest, HttpMethod.Patch,
            $"/v1/companies/{company.Id}?updateMask=customFields", """{"customFields":{"seatz":{"numberValue":1}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["company.custom_fields.seatz"], BadRequests.Fields(body));
    }

    [Fact]
    public async Task CustomFieldChange_IsUndoneInAnAsOfRead()
    {
        using var tenant = await platform.NewTenant();
        await CompanyProfileTests.DefineCustomFields(tenant);
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest
        {
            Company = new Company { Name = "Then AB", CustomFields = { ["seats"] = new() { NumberValue = 3 } } },
        });
        var before = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        await Task.Delay(50);
        await tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = company.Id, CustomFields = { ["seats"] = new() { NumberValue = 30 } } },
            UpdateMask = FieldMask.FromString("custom_fields"),
        });

        var then = await tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = company.Id, AsOfTime = before });

        Assert.Equal(3, then.CustomFields["seats"].NumberValue);
    }

    [Fact]
    public async Task UpdatePerson_WithListsInTheMask_ReplacesThem()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "People AB" } });
        var person = await tenant.People.CreatePersonAsync(new CreatePersonRequest
        {
            CompanyId = company.Id,
            Person = new Person { GivenName = "Anna", Emails = { "anna@old.se", "a@old.se" }, Phones = { "+46 70 123 45 67" } },
        });

        var updated = await tenant.People.UpdatePersonAsync(new UpdatePersonRequest
        {
            Person = new Person { Id = person.Id, Emails = { "anna@new.se" } },
            UpdateMask = FieldMask.FromString("emails,phones"),
        });

        Assert.Equal(["anna@new.se"], updated.Emails);
        Assert.Empty(updated.Phones);
    }

    [Fact]
    public async Task UpdateProject_WithProductsInTheMask_ReplacesThem()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Projects AB" } });
        var project = await tenant.Projects.CreateProjectAsync(new CreateProjectRequest
        {
            CompanyId = company.Id,
            Project = new Project { Name = "WMS", Stage = ProjectStage.Planning, Products = { "WMS", "TMS" } },
        });

        var (status, body) = await BadRequests.Send(tenant.Rest, HttpMethod.Patch,
            $"/v1/projects/{project.Id}?updateMask=products", """{"products":["ERP"]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["ERP"], JsonNode.Parse(body)!["products"]!.AsArray().Select(p => (string)p!));
    }
}
