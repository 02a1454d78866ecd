using System.Net;
using CrmPlatform.Contracts.Billing.V1;
using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.Contracts.Interactions.V1;
using CrmPlatform.Contracts.Platform.V1;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.Contracts.Segmentation.V1;
using CrmPlatform.IntegrationTests.Support;
using Grpc.Core;
using Grpc.Net.Client;

namespace CrmPlatform.IntegrationTests;

/// <summary>
/// Each class of bad input (NUL and control characters, broken Unicode, huge values, unknown
/// fields, wrong types, broken JSON) against every service and the operators' API, over REST and
/// gRPC: always a 400 / InvalidArgument naming the field, never a 500 and never a write.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BadInputTests(PlatformFixture platform)
{
    private const string SomeId = "6f1c1f4e-3a2b-4c5d-8e9f-0a1b2c3d4e5f";
    private static readonly string Huge = new('a', 20_001);

    /// <summary>One bad REST call per service; {0} is where the bad value goes, as JSON string content or in the query.</summary>
    public static TheoryData<string, string, string, string?, string> RestCalls() => new()
    {
        { "profiles", "POST", "/v1/companies", """{"name":"{0}"}""", "company.name" },
        { "interactions", "POST", $"/v1/companies/{SomeId}/interactions", """{"kind":"INTERACTION_KIND_NOTE","subject":"{0}"}""", "interaction.subject" },
        { "billing", "POST", "/v1/invoices", "{\"companyId\":\"" + SomeId + "\",\"number\":\"{0}\"}", "invoice.number" },
        { "billing", "POST", "/v1/payments", "{\"companyId\":\"" + SomeId + "\",\"reference\":\"{0}\"}", "payment.reference" },
        { "billing", "POST", "/v1/credit-checks", "{\"companyId\":\"{0}\"}", "company_id" },
        { "segmentation", "GET", "/v1/client-facts?industryCode={0}", null, "industry_code" },
        { "platform", "POST", "/admin/v1/tenants", """{"slug":"bad-input","name":"{0}"}""", "tenant.name" },
    };

    /// <summary>Every REST call with a body: a huge value in a query string is refused by the web server (414) before any service.</summary>
    public static TheoryData<string, string, string, string?, string> RestCallsWithABody()
    {
        var data = new TheoryData<string, string, string, string?, string>();
        foreach (var row in RestCalls().Where(row => row[3] is not null))
        {
            data.Add((string)row[0], (string)row[1], (string)row[2], (string?)row[3], (string)row[4]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RestCalls))]
    public Task RestCall_WithANulInText_IsA400NamingTheField(string service, string method, string path, string? body, string field) =>
        AssertRefused(service, method, path, body, @"a\u0000b", "a%00b", field);

    [Theory]
    [MemberData(nameof(RestCalls))]
    public Task RestCall_WithAControlCharacterInSingleLineText_IsA400NamingTheField(string service, string method, string path, string? body, string field) =>
        AssertRefused(service, method, path, body, @"a\nb\u001b", "a%0Ab", field);

    [Theory]
    [MemberData(nameof(RestCallsWithABody))]
    public Task RestCall_WithALoneSurrogateInText_IsA400NamingTheField(string service, string method, string path, string? body, string field) =>
        // Only JSON can carry one (as an escape); gRPC's UTF-8 cannot.
        AssertRefused(service, method, path, body, @"a\ud800b", "", field);

    [Theory]
    [MemberData(nameof(RestCallsWithABody))]
    public Task RestCall_WithAHugeString_IsA400NamingTheField(string service, string method, string path, string? body, string field) =>
        AssertRefused(service, method, path, body, Huge, Huge, field);

    public static TheoryData<string, string> GrpcCalls()
    {
        var data = new TheoryData<string, string>();
        foreach (var service in new[] { "profiles", "interactions", "billing", "segmentation", "platform" })
        {
            foreach (var text in new[] { "a\0b", "a\u0007b", "line\nbreak", Huge })
            {
                data.Add(service, text);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GrpcCalls))]
    public async Task GrpcCall_WithTextBreakingTheRule_IsInvalidArgumentNamingTheField(string service, string text)
    {
        using var tenant = await platform.NewTenant();
        using var channel = GrpcChannel.ForAddress(platform.GatewayGrpc);
        var operatorKey = new Metadata { { "authorization", $"Bearer {platform.OperatorKey}" } };
        (Func<Task> Call, string Field) call = service switch
        {
            "profiles" => (() => tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = text } }).ResponseAsync, "company.name"),
            "interactions" => (() => tenant.Interactions.RecordInteractionAsync(new RecordInteractionRequest { CompanyId = SomeId, Interaction = new Interaction { Kind = InteractionKind.Note, Subject = text } }).ResponseAsync, "interaction.subject"),
            "billing" => (() => tenant.Billing.CreateInvoiceAsync(new CreateInvoiceRequest { Invoice = new Invoice { CompanyId = SomeId, Number = text } }).ResponseAsync, "invoice.number"),
            "segmentation" => (() => tenant.Segmentation.ListCompanyFactsAsync(new ListCompanyFactsRequest { IndustryCode = text }).ResponseAsync, "industry_code"),
            _ => (() => new TenantAdminService.TenantAdminServiceClient(channel).CreateTenantAsync(new CreateTenantRequest { Tenant = new Tenant { Slug = "bad-grpc", Name = text } }, operatorKey).ResponseAsync, "tenant.name"),
        };

        var error = await Assert.ThrowsAsync<RpcException>(call.Call);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal([call.Field], BadRequests.Fields(error));
    }

    [Fact]
    public async Task MultilineText_KeepsItsLineBreaks()
    {
        using var tenant = await platform.NewTenant();

        var (status, body) = await BadRequests.Send(tenant.Rest, HttpMethod.Post, "/v1/companies", """{"name":"Lines AB","strategy":{"salesStrategy":"Land.\r\n\tThen expand."}}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(@"Land.\r\n\tThen expand.", body);
    }

    /// <summary>One REST call per service with a body, the JSON around {0} being where a bad member goes.</summary>
    /// <remarks>The last two: a field whose value must be a string or an object, and the path naming it.</remarks>
    public static TheoryData<string, string, string, string, string> Bodies() => new()
    {
        { "profiles", "/v1/companies", """{"name":"Typo AB",{0}}""", "website", "company.website" },
        { "interactions", $"/v1/companies/{SomeId}/interactions", """{"kind":"INTERACTION_KIND_NOTE","body":"x",{0}}""", "subject", "interaction.subject" },
        { "platform", $"/admin/v1/tenants/{SomeId}/members", """{"name":"Ann Berg",{0}}""", "email", "member.email" },
        { "billing", "/v1/invoices", "{\"companyId\":\"" + SomeId + "\",\"number\":\"INV-1\",{0}}", "amount", "invoice.amount" },
        { "billing", "/v1/payments", "{\"companyId\":\"" + SomeId + "\",{0}}", "reference", "payment.reference" },
        { "billing", "/v1/collection-efforts", "{\"companyId\":\"" + SomeId + "\",\"kind\":\"COLLECTION_EFFORT_KIND_CALL\",{0}}", "note", "effort.note" },
        { "platform", "/admin/v1/tenants", """{"slug":"typo-tenant","name":"Typo",{0}}""", "plan", "tenant.plan" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task RestBody_WithAnUnknownField_IsA400NamingIt(string service, string path, string body, string field, string fieldPath)
    {
        var typo = field + "x";
        var (status, response) = await Post(service, path, body.Replace("{0}", $"\"{typo}\":\"a@b.se\""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([fieldPath[..(fieldPath.IndexOf('.') + 1)] + typo], BadRequests.Fields(response));
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task RestBody_WithAValueOfTheWrongType_IsA400NamingIt(string service, string path, string body, string field, string fieldPath)
    {
        var wrongType = field == "amount" ? "\"lots\"" : "{\"nested\":true}";
        var (status, response) = await Post(service, path, body.Replace("{0}", $"\"{field}\":{wrongType}"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([fieldPath], BadRequests.Fields(response));
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task RestBody_ThatIsNotJson_IsA400NamingWhereItBreaks(string service, string path, string body, string field, string fieldPath)
    {
        var (status, response) = await Post(service, path, body.Replace("{0}", $"\"{field}\": nope"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([fieldPath[..(fieldPath.IndexOf('.') + 1)] + field], BadRequests.Fields(response));
    }

    [Fact]
    public async Task CreateCompany_WithATypoInAField_WritesNothing()
    {
        using var tenant = await platform.NewTenant();

        var (status, body) = await BadRequests.Send(tenant.Rest, HttpMethod.Post, "/v1/companies", """{"name":"x","emial":"a@b.se"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["company.emial"], BadRequests.Fields(body));
        Assert.Empty((await tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest())).Companies);
    }

    [Fact]
    public async Task CreateCompany_WithAWordForANumber_IsA400NamingTheField()
    {
        using var tenant = await platform.NewTenant();

        var (status, body) = await BadRequests.Send(tenant.Rest, HttpMethod.Post, "/v1/companies", """{"name":"x","employeeCount":"many"}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["company.employee_count"], BadRequests.Fields(body));
    }

    [Fact]
    public async Task ListCompanyFacts_WithAWordForThePageSize_IsA400NotA500()
    {
        using var tenant = await platform.NewTenant();

        var (status, _) = await BadRequests.Send(tenant.Rest, HttpMethod.Get, "/v1/client-facts?pageSize=many", null);

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task CreateInvoice_InACurrencyThatIsNotIso4217_IsRefusedOverRestAndGrpc()
    {
        using var tenant = await platform.NewTenant();
        var invoice = new Invoice
        {
            CompanyId = SomeId, Number = "INV-ZZZ", Amount = new Money { CurrencyCode = "ZZZ", Units = 100 },
            IssueDate = new Date { Year = 2026, Month = 11, Day = 1 }, DueDate = new Date { Year = 2026, Month = 12, Day = 1 },
        };

        var error = await Assert.ThrowsAsync<RpcException>(() => tenant.Billing.CreateInvoiceAsync(new CreateInvoiceRequest { Invoice = invoice }).ResponseAsync);
        var (status, body) = await BadRequests.Send(tenant.Rest, HttpMethod.Post, "/v1/invoices", Google.Protobuf.JsonFormatter.Default.Format(invoice));

        Assert.Contains("invoice.amount.currency_code", BadRequests.Fields(error));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("invoice.amount.currency_code", BadRequests.Fields(body));
    }

    private async Task AssertRefused(string service, string method, string path, string? body, string jsonValue, string queryValue, string field)
    {
        using var tenant = await platform.NewTenant();
        using var operators = new HttpClient { BaseAddress = platform.GatewayRest };
        var operatorKey = service == "platform" ? platform.OperatorKey : null;

        var (status, response) = await BadRequests.Send(
            operatorKey is null ? tenant.Rest : operators, new HttpMethod(method), path.Replace("{0}", queryValue), body?.Replace("{0}", jsonValue), operatorKey);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal([field], BadRequests.Fields(response));
    }

    private async Task<(HttpStatusCode, string)> Post(string service, string path, string body)
    {
        using var tenant = await platform.NewTenant();
        using var operators = new HttpClient { BaseAddress = platform.GatewayRest };
        return service == "platform"
            ? await BadRequests.Send(operators, HttpMethod.Post, path, body, platform.OperatorKey)
            : await BadRequests.Send(tenant.Rest, HttpMethod.Post, path, body);
    }
}
