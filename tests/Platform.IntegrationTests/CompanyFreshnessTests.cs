using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.IntegrationTests.Support;
using Grpc.Core;
using Npgsql;

namespace CrmPlatform.IntegrationTests;

/// <summary>Stale profiles surface for review, per the tenant's own interval.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CompanyFreshnessTests(PlatformFixture platform)
{
    [Fact]
    public async Task ReviewInterval_IsHalfAYear_UntilTheTenantSetsIt()
    {
        using var tenant = await platform.NewTenant();

        Assert.Equal(180, (await tenant.Review.GetReviewPolicyAsync(new GetReviewPolicyRequest())).ReviewIntervalDays);
    }

    [Fact]
    public async Task ProfilesNotReviewedWithinTheInterval_AreDue_StalestFirst()
    {
        using var tenant = await platform.NewTenant();
        var (annas, eriks) = await ArrangeStale(tenant);

        Assert.Equal([annas.Id, eriks.Id], await Due(tenant));
    }

    [Fact]
    public async Task DueProfilesOfAnAccountOwner_AreTheirsOnly()
    {
        using var tenant = await platform.NewTenant();
        var (annas, _) = await ArrangeStale(tenant);

        Assert.Equal([annas.Id], await Due(tenant, "anna"));
    }

    [Fact]
    public async Task DueProfiles_FollowTheTenantsInterval()
    {
        using var tenant = await platform.NewTenant();
        var (annas, _) = await ArrangeStale(tenant);

        await tenant.Review.UpdateReviewPolicyAsync(new UpdateReviewPolicyRequest { ReviewPolicy = new ReviewPolicy { ReviewIntervalDays = 350 } });

        Assert.Equal([annas.Id], await Due(tenant));
    }

    [Fact]
    public async Task DueProfiles_AreTheTenantsOwn()
    {
        using var tenant = await platform.NewTenant();
        using var other = await platform.NewTenant();
        var (annas, eriks) = await ArrangeStale(tenant);
        var othersStale = await Create(other, "Other tenant's stale client", "anna");
        await Backdate(othersStale.Id, days: 400);

        Assert.Equal([annas.Id, eriks.Id], await Due(tenant));
        await tenant.Review.UpdateReviewPolicyAsync(new UpdateReviewPolicyRequest { ReviewPolicy = new ReviewPolicy { ReviewIntervalDays = 350 } });
        Assert.Equal([othersStale.Id], await Due(other));
    }

    [Fact]
    public async Task MarkedReviewed_IsNextDueOneIntervalLater()
    {
        using var tenant = await platform.NewTenant();
        var (annas, _) = await ArrangeStale(tenant);
        await tenant.Review.UpdateReviewPolicyAsync(new UpdateReviewPolicyRequest { ReviewPolicy = new ReviewPolicy { ReviewIntervalDays = 350 } });

        var reviewed = await tenant.Review.MarkCompanyReviewedAsync(new MarkCompanyReviewedRequest { Id = annas.Id });

        Assert.True(reviewed.LastReviewTime.ToDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(reviewed.LastReviewTime.ToDateTimeOffset().AddDays(350), reviewed.NextReviewTime.ToDateTimeOffset());
    }

    [Fact]
    public async Task MarkedReviewed_IsNoLongerDue()
    {
        using var tenant = await platform.NewTenant();
        var (annas, _) = await ArrangeStale(tenant);
        await tenant.Review.UpdateReviewPolicyAsync(new UpdateReviewPolicyRequest { ReviewPolicy = new ReviewPolicy { ReviewIntervalDays = 350 } });

        await tenant.Review.MarkCompanyReviewedAsync(new MarkCompanyReviewedRequest { Id = annas.Id });

        Assert.Empty(await Due(tenant));
    }

    [Fact]
    public async Task MarkedReviewed_IsInTheHistory_WithWhoReviewed()
    {
        using var tenant = await platform.NewTenant();
        var (annas, _) = await ArrangeStale(tenant);

        await tenant.Review.MarkCompanyReviewedAsync(new MarkCompanyReviewedRequest { Id = annas.Id });

        var change = Assert.Single((await tenant.History.ListCompanyChangesAsync(new ListCompanyChangesRequest { CompanyId = annas.Id, Fields = { "last_review_time" } })).Changes);
        Assert.Equal($"api-key:{tenant.KeyId}", change.Actor);
    }

    [Fact]
    public async Task DueList_PagesThroughEveryDueProfileOnce()
    {
        using var tenant = await platform.NewTenant();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var company = await Create(tenant, $"Stale {i}", "anna");
            await Backdate(company.Id, days: 500 - i);
            ids.Add(company.Id);
        }

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await tenant.Review.ListCompaniesDueForReviewAsync(new ListCompaniesDueForReviewRequest { PageSize = 2, PageToken = token });
            seen.AddRange(page.Companies.Select(c => c.Id));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task ReviewPolicy_OutOfRange_IsInvalidArgument()
    {
        using var tenant = await platform.NewTenant();

        var invalid = await Assert.ThrowsAsync<RpcException>(() =>
            tenant.Review.UpdateReviewPolicyAsync(new UpdateReviewPolicyRequest { ReviewPolicy = new ReviewPolicy { ReviewIntervalDays = 0 } }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
    }

    [Fact]
    public async Task MarkingAnotherTenantsCompanyReviewed_IsNotFound()
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();
        var company = await Create(a, "A's client", "anna");

        var foreign = await Assert.ThrowsAsync<RpcException>(() =>
            b.Review.MarkCompanyReviewedAsync(new MarkCompanyReviewedRequest { Id = company.Id }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, foreign.StatusCode);
    }

    /// <summary>Anna's client unreviewed for 400 days, Erik's for 300, and a fresh one of Anna's.</summary>
    private async Task<(Company Annas, Company Eriks)> ArrangeStale(TenantClient tenant)
    {
        var annas = await Create(tenant, "Anna's stale client", "anna");
        var eriks = await Create(tenant, "Erik's stale client", "erik");
        await Create(tenant, "Fresh client", "anna");
        await Backdate(annas.Id, days: 400);
        await Backdate(eriks.Id, days: 300);
        return (annas, eriks);
    }

    private static Task<Company> Create(TenantClient tenant, string name, string owner) =>
        tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = name, AccountOwner = owner } }).ResponseAsync;

    private static async Task<List<string>> Due(TenantClient tenant, string owner = "") =>
        (await tenant.Review.ListCompaniesDueForReviewAsync(new ListCompaniesDueForReviewRequest { AccountOwner = owner })).Companies.Select(c => c.Id).ToList();

    /// <summary>Time travel for the test's own rows, as the superuser: the service has no way to age a profile.</summary>
    private async Task Backdate(string companyId, int days)
    {
        await using var connection = new NpgsqlConnection(platform.SuperuserConnectionString("profiles"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE companies SET last_reviewed_at = now() - make_interval(days => $1) WHERE id = $2", connection);
        command.Parameters.AddWithValue(days);
        command.Parameters.AddWithValue(Guid.Parse(companyId));
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
