using CrmPlatform.Contracts.Billing.V1;
using CrmPlatform.Contracts.Interactions.V1;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.Contracts.Segmentation.V1;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace CrmPlatform.IntegrationTests.Support;

/// <summary>A partner developer of one tenant: its API key, over REST and gRPC, both through the gateway.</summary>
public sealed class TenantClient : IDisposable
{
    private readonly GrpcChannel channel;

    public TenantClient(string tenantId, string keyId, string apiKey, Uri gatewayRest, Uri gatewayGrpc)
    {
        TenantId = tenantId;
        KeyId = keyId;
        ApiKey = apiKey;
        Rest = new HttpClient { BaseAddress = gatewayRest };
        Rest.DefaultRequestHeaders.Add("x-api-key", apiKey);
        channel = GrpcChannel.ForAddress(gatewayGrpc);
        var invoker = channel.Intercept(metadata =>
        {
            metadata.Add("x-api-key", apiKey);
            return metadata;
        });
        Companies = new CompaniesService.CompaniesServiceClient(invoker);
        Search = new SearchService.SearchServiceClient(invoker);
        Review = new ReviewService.ReviewServiceClient(invoker);
        History = new HistoryService.HistoryServiceClient(invoker);
        CustomFields = new CustomFieldsService.CustomFieldsServiceClient(invoker);
        People = new PeopleService.PeopleServiceClient(invoker);
        Projects = new ProjectsService.ProjectsServiceClient(invoker);
        Bulk = new BulkService.BulkServiceClient(invoker);
        Duplicates = new DuplicatesService.DuplicatesServiceClient(invoker);
        Merges = new MergesService.MergesServiceClient(invoker);
        Interactions = new InteractionsService.InteractionsServiceClient(invoker);
        Contacts = new ContactService.ContactServiceClient(invoker);
        Ingest = new IngestService.IngestServiceClient(invoker);
        Billing = new BillingService.BillingServiceClient(invoker);
        Collection = new CollectionService.CollectionServiceClient(invoker);
        PaymentBehaviour = new PaymentBehaviourService.PaymentBehaviourServiceClient(invoker);
        BillingImport = new BillingImportService.BillingImportServiceClient(invoker);
        Segmentation = new SegmentationService.SegmentationServiceClient(invoker);
    }

    public string TenantId { get; }

    public string KeyId { get; }

    public string ApiKey { get; }

    public HttpClient Rest { get; }

    public CompaniesService.CompaniesServiceClient Companies { get; }

    public SearchService.SearchServiceClient Search { get; }

    public ReviewService.ReviewServiceClient Review { get; }

    public HistoryService.HistoryServiceClient History { get; }

    public CustomFieldsService.CustomFieldsServiceClient CustomFields { get; }

    public PeopleService.PeopleServiceClient People { get; }

    public ProjectsService.ProjectsServiceClient Projects { get; }

    public BulkService.BulkServiceClient Bulk { get; }

    public DuplicatesService.DuplicatesServiceClient Duplicates { get; }

    public MergesService.MergesServiceClient Merges { get; }

    public InteractionsService.InteractionsServiceClient Interactions { get; }

    public ContactService.ContactServiceClient Contacts { get; }

    public IngestService.IngestServiceClient Ingest { get; }

    public BillingService.BillingServiceClient Billing { get; }

    public CollectionService.CollectionServiceClient Collection { get; }

    public PaymentBehaviourService.PaymentBehaviourServiceClient PaymentBehaviour { get; }

    public BillingImportService.BillingImportServiceClient BillingImport { get; }

    public SegmentationService.SegmentationServiceClient Segmentation { get; }

    /// <summary>
    /// Interactions and Billing learn of a company from Profiles' event, a moment after it is
    /// created; waits until both accept it.
    /// </summary>
    public async Task<Company> CreateCompanyKnownEverywhere(string name, string industryCode = "541511")
    {
        var company = await Companies.CreateCompanyAsync(new CreateCompanyRequest
        {
            Company = new Company { Name = name, Industry = new Industry { Code = industryCode }, EmployeeCount = 25 },
        });
        await KnownEverywhere(company.Id, $"company {name} to reach every service");
        return company;
    }

    /// <summary>Waits until Interactions, Billing and Segmentation all accept the company.</summary>
    public Task KnownEverywhere(string companyId, string what, TimeSpan? timeout = null) => Eventually.True(
        async () => await Known(() => Interactions.ListInteractionsAsync(new ListInteractionsRequest { CompanyId = companyId }).ResponseAsync)
            && await Known(() => Billing.ListInvoicesAsync(new ListInvoicesRequest { CompanyId = companyId }).ResponseAsync)
            && await Known(() => Segmentation.GetCompanyFactsAsync(new GetCompanyFactsRequest { CompanyId = companyId }).ResponseAsync),
        what,
        timeout);

    private static async Task<bool> Known<T>(Func<Task<T>> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }

    public void Dispose()
    {
        Rest.Dispose();
        channel.Dispose();
    }
}
