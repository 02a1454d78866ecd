using CrmPlatform.Gateway.Catalog;
using CrmPlatform.Gateway.Grpc;

namespace CrmPlatform.Gateway.Tests;

/// <summary>The contracts declare a known scope on every tenant-facing method: a new RPC without one fails here.</summary>
public class ContractScopeTests
{
    public static TheoryData<string> TenantFacingMethods() =>
        [.. MethodCatalog.TenantContracts.SelectMany(f => f.Services).SelectMany(s => s.Methods).Select(MethodCatalog.GrpcPath)];

    [Theory]
    [MemberData(nameof(TenantFacingMethods))]
    public void TenantFacingRpc_DeclaresAKnownScope(string grpcPath)
    {
        var method = MethodCatalog.FromContracts().FindGrpc(grpcPath)!;

        Assert.Contains(method.Scope, AdminValidator.KnownScopes);
    }

    [Theory]
    [InlineData("/crm.profiles.v1.ProfilesService/GetCompany")]
    [InlineData("/crm.profiles.v1.ProfilesService/SearchCompanies")]
    [InlineData("/crm.profiles.v1.ProfilesService/ExportCompanies")]
    [InlineData("/crm.profiles.v1.ProfilesService/FindDuplicateCompanies")]
    [InlineData("/crm.billing.v1.BillingService/ListInvoices")]
    [InlineData("/crm.segmentation.v1.SegmentationService/GetClientFacts")]
    public void ReadingMethod_NeedsReadScope(string grpcPath) =>
        Assert.Equal("crm.read", MethodCatalog.FromContracts().FindGrpc(grpcPath)!.Scope);

    [Theory]
    [InlineData("/crm.profiles.v1.ProfilesService/CreateCompany")]
    [InlineData("/crm.profiles.v1.ProfilesService/ImportCompanies")]
    [InlineData("/crm.profiles.v1.ProfilesService/MergeCompanies")]
    [InlineData("/crm.profiles.v1.ProfilesService/UpdateCustomFieldSchema")]
    [InlineData("/crm.interactions.v1.InteractionsService/RecordInteraction")]
    [InlineData("/crm.billing.v1.BillingService/CreateInvoice")]
    public void ChangingMethod_NeedsWriteScope(string grpcPath) =>
        Assert.Equal("crm.write", MethodCatalog.FromContracts().FindGrpc(grpcPath)!.Scope);
}
