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

        Assert.Contains(method.Scope, AdminValidator.DataScopes);
    }

    [Theory]
    [InlineData("/crm.profiles.v1.CompaniesService/GetCompany")]
    [InlineData("/crm.profiles.v1.SearchService/SearchCompanies")]
    [InlineData("/crm.profiles.v1.BulkService/ExportCompanies")]
    [InlineData("/crm.profiles.v1.DuplicatesService/FindDuplicateCompanies")]
    [InlineData("/crm.billing.v1.BillingService/ListInvoices")]
    [InlineData("/crm.segmentation.v1.SegmentationService/GetCompanyFacts")]
    public void ReadingMethod_NeedsReadScope(string grpcPath) =>
        Assert.Equal("crm.read", MethodCatalog.FromContracts().FindGrpc(grpcPath)!.Scope);

    [Theory]
    [InlineData("/crm.profiles.v1.CompaniesService/CreateCompany")]
    [InlineData("/crm.profiles.v1.BulkService/ImportCompanies")]
    [InlineData("/crm.profiles.v1.MergesService/MergeCompanies")]
    [InlineData("/crm.profiles.v1.CustomFieldsService/UpdateCustomFieldSchema")]
    [InlineData("/crm.interactions.v1.InteractionsService/RecordInteraction")]
    [InlineData("/crm.billing.v1.BillingService/CreateInvoice")]
    public void ChangingMethod_NeedsWriteScope(string grpcPath) =>
        Assert.Equal("crm.write", MethodCatalog.FromContracts().FindGrpc(grpcPath)!.Scope);
}
