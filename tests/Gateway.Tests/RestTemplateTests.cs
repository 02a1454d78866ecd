using CrmPlatform.Gateway.Catalog;

namespace CrmPlatform.Gateway.Tests;

public class RestTemplateTests
{
    [Fact]
    public void Variable_MatchesOneSegment()
    {
        var template = RestTemplate.Parse("/v1/companies/{id}");

        Assert.True(template.Matches("/v1/companies/0193a1b2-0000-7000-8000-000000000001"));
        Assert.False(template.Matches("/v1/companies/a/people"));
    }

    [Fact]
    public void Variable_IsNeverACustomVerb()
    {
        Assert.False(RestTemplate.Parse("/v1/companies/{id}").Matches("/v1/companies/abc:undelete"));
    }

    [Fact]
    public void CustomVerbTemplate_MatchesItsVerbOnly()
    {
        var template = RestTemplate.Parse("/v1/companies/{id}:undelete");

        Assert.True(template.Matches("/v1/companies/abc:undelete"));
        Assert.False(template.Matches("/v1/companies/abc:markReviewed"));
    }

    [Fact]
    public void CollectionVerb_IsNotTakenForAnId()
    {
        Assert.False(RestTemplate.Parse("/v1/companies/{id}").Matches("/v1/companies:search"));
        Assert.True(RestTemplate.Parse("/v1/companies:search").Matches("/v1/companies:search"));
    }

    [Fact]
    public void NestedFieldVariable_IsNamedAsTheTemplateNamesIt()
    {
        var template = RestTemplate.Parse("/v1/companies/{company.id}");

        Assert.Equal(["company.id"], template.Variables);
        Assert.True(template.Matches("/v1/companies/abc"));
    }

    [Fact]
    public void VariableWithPattern_BecomesAPlainOpenApiParameter()
    {
        Assert.Equal("/v1/things/{name}", RestTemplate.Parse("/v1/things/{name=*}").OpenApiPath);
    }
}
