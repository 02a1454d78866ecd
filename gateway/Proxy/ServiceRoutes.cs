using System.Net;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace CrmPlatform.Gateway.Proxy;

/// <summary>
/// The routes to the four services, with destinations found as Aspire passes them
/// (<c>services:{service}:http:0</c> for REST, <c>services:{service}:grpc:0</c> for gRPC).
/// gRPC is routed by the service's package; REST by the paths its contract declares.
/// </summary>
public static class ServiceRoutes
{
    public const string TenantPolicy = "tenant";

    // Route metadata read by the tenant rate limiter: which routes count, and which are bulk.
    private const string RateLimitKey = "rate-limit";
    private const string BulkKey = "bulk";

    private static readonly (string Service, string Package, string[] RestPaths)[] Services =
    [
        ("profiles", "crm.profiles.v1", [
            "/v1/companies/{**rest}", "/v1/companies:dueForReview", "/v1/companies:search", "/v1/companies:import",
            "/v1/companies:export", "/v1/companies:findDuplicates", "/v1/review-policy", "/v1/custom-field-schema",
            "/v1/people/{**rest}", "/v1/projects/{**rest}", "/v1/merges/{**rest}",
        ]),
        ("interactions", "crm.interactions.v1", [
            "/v1/companies/{companyId}/interactions/{**rest}", "/v1/companies/{companyId}/topics/{**rest}",
            "/v1/companies/{companyId}/contact-stats/{**rest}", "/v1/people/{personId}/interactions/{**rest}",
            "/v1/people/{personId}/topics/{**rest}", "/v1/people/{personId}/contact-stats/{**rest}",
            "/v1/interactions/{**rest}", "/v1/interactions:ingest", "/v1/contact-checks/{**rest}",
            "/v1/contact-verdicts/{**rest}", "/v1/contact-policy/{**rest}",
        ]),
        ("billing", "crm.billing.v1", [
            "/v1/invoices/{**rest}", "/v1/payments/{**rest}", "/v1/credit-notes/{**rest}", "/v1/collection-efforts/{**rest}",
            "/v1/dunning-policy/{**rest}", "/v1/reminders:due", "/v1/companies/{companyId}/payment-behaviour/{**rest}",
            "/v1/companies/{companyId}/grade-changes/{**rest}", "/v1/companies/{companyId}/credit-limit/{**rest}",
            "/v1/aging-report/{**rest}", "/v1/credit-policy/{**rest}", "/v1/credit-checks/{**rest}", "/v1/billing:import",
        ]),
        ("segmentation", "crm.segmentation.v1", ["/v1/clients/{**rest}", "/v1/client-facts/{**rest}"]),
    ];

    /// <summary>
    /// Bulk calls move whole tenants' data: they get minutes instead of seconds and a large body.
    /// The gRPC ones are named by method, the REST ones by path.
    /// </summary>
    private static readonly (string Service, string Path)[] BulkPaths =
    [
        ("profiles", "/crm.profiles.v1.BulkService/ImportCompanies"), ("profiles", "/crm.profiles.v1.BulkService/ExportCompanies"),
        ("profiles", "/v1/companies:import"), ("profiles", "/v1/companies:export"),
        ("interactions", "/crm.interactions.v1.IngestService/IngestInteractions"), ("interactions", "/v1/interactions:ingest"),
        ("interactions", "/crm.interactions.v1.IngestService/ExportInteractions"), ("interactions", "/v1/interactions:export"),
        ("billing", "/crm.billing.v1.BillingImportService/ImportBillingHistory"), ("billing", "/v1/billing:import"),
    ];

    private static readonly TimeSpan BulkTimeout = TimeSpan.FromMinutes(15);
    private const long BulkBodyLimit = 2L * 1024 * 1024 * 1024;

    public static (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) From(IConfiguration configuration)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        foreach (var (service, package, restPaths) in Services)
        {
            clusters.Add(Cluster($"{service}-rest", Destination(configuration, service, "http"), http2: false));
            clusters.Add(Cluster($"{service}-grpc", Destination(configuration, service, "grpc"), http2: true));

            routes.Add(Route($"{service}-grpc", $"{service}-grpc", $"/{{service:regex(^{package.Replace(".", "\\.")}\\.)}}/{{method}}", order: 0));
            foreach (var (path, index) in restPaths.Select((p, i) => (p, i)))
            {
                // A deeper literal path (a company's interactions) wins over a shallower catch-all (companies).
                var order = 100 - path.Count(c => c == '/');
                routes.Add(Route($"{service}-rest-{index}", $"{service}-rest", path, order));
            }
        }

        foreach (var (service, path) in BulkPaths)
        {
            var cluster = path.StartsWith("/crm.", StringComparison.Ordinal) ? $"{service}-grpc" : $"{service}-rest";
            routes.Add(Route($"bulk{path.Replace('/', '-').Replace(':', '-')}", cluster, path, order: -1) with
            {
                Timeout = BulkTimeout,
                MaxRequestBodySize = BulkBodyLimit,
                Metadata = new Dictionary<string, string> { [RateLimitKey] = "tenant", [BulkKey] = "true" },
            });
        }

        return (routes, clusters);
    }

    private static RouteConfig Route(string id, string cluster, string path, int order) => new()
    {
        RouteId = id,
        ClusterId = cluster,
        Order = order,
        Match = new RouteMatch { Path = path },
        AuthorizationPolicy = TenantPolicy,
        Metadata = new Dictionary<string, string> { [RateLimitKey] = "tenant" },
    };

    public static bool IsRateLimited(RouteConfig route) => route.Metadata?.ContainsKey(RateLimitKey) == true;

    /// <summary>Imports and exports: held to the tenant's concurrent bulk operations, their upload charged by size.</summary>
    public static bool IsBulk(RouteConfig route) => route.Metadata?.ContainsKey(BulkKey) == true;

    private static ClusterConfig Cluster(string id, string address, bool http2) => new()
    {
        ClusterId = id,
        Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = address } },
        HttpClient = new HttpClientConfig { EnableMultipleHttp2Connections = true },
        HttpRequest = new ForwarderRequestConfig
        {
            ActivityTimeout = TimeSpan.FromSeconds(60),
            // Cleartext HTTP/2 to a backend needs prior knowledge: ask for exactly 2.0.
            Version = http2 ? HttpVersion.Version20 : HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        },
    };

    private static string Destination(IConfiguration configuration, string service, string endpoint) =>
        configuration[$"services:{service}:{endpoint}:0"]
        ?? throw new InvalidOperationException($"services:{service}:{endpoint}:0 is not configured: where is {service}?");
}
