using CrmPlatform.Contracts.Common.V1;
using Google.Api;
using Google.Protobuf.Reflection;

namespace CrmPlatform.Gateway.Catalog;

/// <summary>
/// Every tenant-facing method, read from the compiled contracts: what the gateway enforces
/// (scopes, known REST paths) and what the OpenAPI document describes come from one list, so
/// neither can drift from the protos.
/// </summary>
public sealed class MethodCatalog
{
    public static readonly IReadOnlyList<FileDescriptor> TenantContracts =
    [
        CrmPlatform.Contracts.Profiles.V1.ProfilesReflection.Descriptor,
        CrmPlatform.Contracts.Interactions.V1.InteractionsReflection.Descriptor,
        CrmPlatform.Contracts.Billing.V1.BillingReflection.Descriptor,
        CrmPlatform.Contracts.Segmentation.V1.SegmentationReflection.Descriptor,
    ];

    /// <summary>
    /// REST endpoints a service writes by hand because transcoding cannot stream a request in.
    /// Each names the RPC it stands for, whose declaration (scope, messages) it shares.
    /// </summary>
    public static readonly IReadOnlyList<(string Verb, string Template, string GrpcPath)> HandWrittenRest =
    [
        ("POST", "/v1/companies:import", "/crm.profiles.v1.BulkService/ImportCompanies"),
        ("POST", "/v1/interactions:ingest", "/crm.interactions.v1.IngestService/IngestInteractions"),
        ("POST", "/v1/billing:import", "/crm.billing.v1.BillingImportService/ImportBillingHistory"),
    ];

    private readonly Dictionary<string, ContractMethod> byGrpcPath;

    private MethodCatalog(IReadOnlyList<ContractMethod> methods)
    {
        Methods = methods;
        byGrpcPath = methods.Where(m => m.Verb is null).ToDictionary(m => m.GrpcPath, StringComparer.Ordinal);
    }

    /// <summary>One entry per gRPC method (no verb) and one per REST binding.</summary>
    public IReadOnlyList<ContractMethod> Methods { get; }

    public IEnumerable<ContractMethod> Rest => Methods.Where(m => m.Verb is not null);

    public static MethodCatalog FromContracts() => From(TenantContracts);

    public static MethodCatalog From(IEnumerable<FileDescriptor> files)
    {
        var methods = new List<ContractMethod>();
        foreach (var method in files.SelectMany(f => f.Services).SelectMany(s => s.Methods))
        {
            var grpcPath = GrpcPath(method);
            var scope = RequiredScope(method);
            methods.Add(new ContractMethod(method, grpcPath, null, null, null, scope));
            if (method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is { } rule)
            {
                foreach (var binding in rule.AdditionalBindings.Prepend(rule))
                {
                    var (verb, template) = Binding(binding);
                    methods.Add(new ContractMethod(method, grpcPath, verb, RestTemplate.Parse(template), NullIfEmpty(binding.Body), scope));
                }
            }
        }

        foreach (var (verb, template, grpcPath) in HandWrittenRest)
        {
            if (methods.FirstOrDefault(m => m.GrpcPath == grpcPath) is { } rpc)
            {
                methods.Add(rpc with { Verb = verb, Template = RestTemplate.Parse(template), Body = "*" });
            }
        }

        return new MethodCatalog(methods);
    }

    public static string GrpcPath(MethodDescriptor method) => $"/{method.Service.FullName}/{method.Name}";

    public static string? RequiredScope(MethodDescriptor method) =>
        NullIfEmpty(method.GetOptions()?.GetExtension(OptionsExtensions.RequiredScope));

    public ContractMethod? FindGrpc(string path) => byGrpcPath.GetValueOrDefault(path);

    public ContractMethod? FindRest(string verb, string path) =>
        Rest.FirstOrDefault(m => string.Equals(m.Verb, verb, StringComparison.OrdinalIgnoreCase) && m.Template!.Matches(path));

    private static (string Verb, string Template) Binding(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => ("GET", rule.Get),
        HttpRule.PatternOneofCase.Post => ("POST", rule.Post),
        HttpRule.PatternOneofCase.Put => ("PUT", rule.Put),
        HttpRule.PatternOneofCase.Patch => ("PATCH", rule.Patch),
        HttpRule.PatternOneofCase.Delete => ("DELETE", rule.Delete),
        HttpRule.PatternOneofCase.Custom => (rule.Custom.Kind.ToUpperInvariant(), rule.Custom.Path),
        _ => throw new InvalidOperationException($"An HTTP rule without a pattern: {rule}"),
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
