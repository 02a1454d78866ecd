using CrmPlatform.Contracts.Interactions.V1;
using CrmPlatform.Contracts.Platform.V1;
using CrmPlatform.Contracts.Profiles.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace CrmPlatform.Benchmarks.Interactions;

/// <summary>
/// A tenant of its own for one measured part, unthrottled, with a member whose key every call
/// uses: what a sales user's tool does through the gateway.
/// </summary>
public sealed class Client
{
    private static readonly TenantLimits Unthrottled = new() { RequestsPerSecond = 100_000, Burst = 1_000_000, ConcurrentBulkOperations = 64 };

    public required Guid TenantId { get; init; }
    public required InteractionsService.InteractionsServiceClient Timeline { get; init; }
    public required ContactService.ContactServiceClient Contacts { get; init; }
    public required IngestService.IngestServiceClient Ingest { get; init; }
    public required CompaniesService.CompaniesServiceClient Companies { get; init; }
    public required PeopleService.PeopleServiceClient People { get; init; }

    public static async Task<Client> Create(
        TenantAdminService.TenantAdminServiceClient admin, MembersService.MembersServiceClient members, GrpcChannel gateway, string slug)
    {
        var tenant = await admin.CreateTenantAsync(new CreateTenantRequest { Tenant = new Tenant { Slug = slug, Name = $"Benchmark {slug}", Plan = "benchmark" } });
        await admin.UpdateTenantLimitsAsync(new UpdateTenantLimitsRequest { Id = tenant.Id, Limits = Unthrottled });
        var member = await members.CreateMemberAsync(new CreateMemberRequest
        {
            TenantId = tenant.Id,
            Member = new Member { Name = "Bench Seller", Email = $"seller@{slug}.example", Teams = { "sales" } },
        });
        var key = await admin.CreateApiKeyAsync(new CreateApiKeyRequest { TenantId = tenant.Id, ApiKey = new ApiKey { Name = "benchmark", MemberId = member.Id } });
        var calls = gateway.Intercept(metadata =>
        {
            metadata.Add("x-api-key", key.Secret);
            return metadata;
        });
        return new Client
        {
            TenantId = Guid.Parse(tenant.Id),
            Timeline = new InteractionsService.InteractionsServiceClient(calls),
            Contacts = new ContactService.ContactServiceClient(calls),
            Ingest = new IngestService.IngestServiceClient(calls),
            Companies = new CompaniesService.CompaniesServiceClient(calls),
            People = new PeopleService.PeopleServiceClient(calls),
        };
    }

    /// <summary>A company with one person, once Interactions knows both (from Profiles' events).</summary>
    public async Task<(Company Company, Person Person)> CompanyWithPerson(string name)
    {
        var company = await Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = name } });
        var person = await People.CreatePersonAsync(new CreatePersonRequest
        {
            CompanyId = company.Id,
            Person = new Person { GivenName = "Anna", FamilyName = "Svensson", Emails = { $"anna@{Guid.NewGuid():N}.example" } },
        });
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await Timeline.ListInteractionsAsync(new ListInteractionsRequest { CompanyId = company.Id, PageSize = 1 });
                await Timeline.ListInteractionsAsync(new ListInteractionsRequest { PersonId = person.Id, PageSize = 1 });
                return (company, person);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound && attempt < 300)
            {
                await Task.Delay(100);
            }
        }
    }
}
