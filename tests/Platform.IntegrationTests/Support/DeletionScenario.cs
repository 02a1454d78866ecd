using System.Net;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.Contracts.Segmentation.V1;

namespace CrmPlatform.IntegrationTests.Support;

/// <summary>
/// Two companies known to every service, deleted once for the lifecycle tests to check one
/// behaviour each: <see cref="Deleted"/> over REST, left deleted; <see cref="Restored"/> deleted,
/// followed out of Segmentation's lists, and undeleted. Waiting for every service is the costly
/// part, so it is done once.
/// </summary>
public sealed class DeletionScenario
{
    private static readonly Once<DeletionScenario> Run = new(Live);

    public required TenantClient Tenant { get; init; }

    public required Company Deleted { get; init; }
    public required HttpStatusCode DeleteOverRest { get; init; }

    public required Company Restored { get; init; }

    /// <summary>What undeleting <see cref="Restored"/> answered.</summary>
    public required Company Undeleted { get; init; }

    public static Task<DeletionScenario> Of(PlatformFixture platform) => Run.Of(platform);

    private static async Task<DeletionScenario> Live(PlatformFixture platform)
    {
        var tenant = await platform.NewTenant();
        var known = await Task.WhenAll(tenant.CreateCompanyKnownEverywhere("Gone Soon AB"), tenant.CreateCompanyKnownEverywhere("Back Soon AB"));
        var (deleted, restored) = (known[0], known[1]);

        using var deleteOverRest = await tenant.Rest.DeleteAsync($"/v1/companies/{deleted.Id}");

        await tenant.Companies.DeleteCompanyAsync(new DeleteCompanyRequest { Id = restored.Id });
        await Eventually.True(
            async () => !(await tenant.Segmentation.ListCompanyFactsAsync(new ListCompanyFactsRequest())).Clients.Any(c => c.CompanyId == restored.Id),
            "the deletion to take the company out of Segmentation's lists");
        var undeleted = await tenant.Companies.UndeleteCompanyAsync(new UndeleteCompanyRequest { Id = restored.Id });

        return new DeletionScenario
        {
            Tenant = tenant,
            Deleted = deleted,
            DeleteOverRest = deleteOverRest.StatusCode,
            Restored = restored,
            Undeleted = undeleted,
        };
    }
}
