using CrmPlatform.Gateway.Catalog;

namespace CrmPlatform.Gateway.Tests;

public class MethodCatalogTests
{
    private static readonly MethodCatalog Catalog = MethodCatalog.FromContracts();

    [Theory]
    [InlineData("POST", "/v1/companies:search", "SearchCompanies")]
    [InlineData("GET", "/v1/companies/abc", "GetCompany")]
    [InlineData("PATCH", "/v1/companies/abc", "UpdateCompany")]
    [InlineData("POST", "/v1/companies/abc:undelete", "UndeleteCompany")]
    [InlineData("GET", "/v1/companies/abc/interactions", "ListInteractions")]
    [InlineData("GET", "/v1/companies/-/projects", "ListProjects")]
    [InlineData("POST", "/v1/companies:import", "ImportCompanies")]
    public void RestRequest_FindsTheMethodItsContractBinds(string verb, string path, string method)
    {
        Assert.Equal(method, Catalog.FindRest(verb, path)?.Descriptor.Name);
    }

    [Theory]
    [InlineData("GET", "/v1/nowhere")]
    [InlineData("DELETE", "/v1/companies:search")]
    [InlineData("POST", "/v1/companies/abc:explode")]
    [InlineData("GET", "/v1/companies/abc/people/def/more")]
    public void RestRequest_ForNoDeclaredMethod_FindsNothing(string verb, string path)
    {
        Assert.Null(Catalog.FindRest(verb, path));
    }

    [Fact]
    public void HandWrittenImport_SharesItsRpcsScope()
    {
        var rest = Catalog.FindRest("POST", "/v1/companies:import")!;

        Assert.Equal(Catalog.FindGrpc("/crm.profiles.v1.BulkService/ImportCompanies")!.Scope, rest.Scope);
    }

    [Fact]
    public void GrpcPath_FindsItsMethod()
    {
        Assert.Equal("GetInvoice", Catalog.FindGrpc("/crm.billing.v1.BillingService/GetInvoice")?.Descriptor.Name);
        Assert.Null(Catalog.FindGrpc("/crm.billing.v1.BillingService/DropInvoices"));
    }
}
