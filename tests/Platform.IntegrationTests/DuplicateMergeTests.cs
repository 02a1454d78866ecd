using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmPlatform.Contracts.Billing.V1;
using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.Contracts.Interactions.V1;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.Contracts.Segmentation.V1;
using CrmPlatform.IntegrationTests.Support;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests;

/// <summary>Two records of one client: found with reasons, merged, and taken apart again (one merge in detail: CompanyMergeTests).</summary>
[Collection(PlatformCollection.Name)]
public sealed class DuplicateMergeTests(PlatformFixture platform)
{
    [Fact]
    public async Task DuplicatesOfACompany_AreFoundBySharedKeysAndSimilarNames_BestFirst()
    {
        var s = await DuplicatesScenario.Of(platform);

        var ofTimber = await DuplicatesOfTimber(s);

        Assert.Equal([s.SameDomainAndName.Id, s.SamePerson.Id, s.SamePhone.Id, s.Typo.Id], ofTimber.Select(c => c.Duplicate.Id));
    }

    [Fact]
    public async Task DuplicatesOfACompany_AreEachPairedWithIt()
    {
        var s = await DuplicatesScenario.Of(platform);

        Assert.All(await DuplicatesOfTimber(s), c => Assert.Equal(s.Timber.Id, c.Company.Id));
    }

    [Fact]
    public async Task DuplicateOnTwoSignals_NamesBoth()
    {
        var s = await DuplicatesScenario.Of(platform);

        var sameDomainAndName = (await DuplicatesOfTimber(s)).Single(c => c.Duplicate.Id == s.SameDomainAndName.Id);

        Assert.Equal([DuplicateSignal.SameDomain, DuplicateSignal.SameName], sameDomainAndName.Reasons.Select(r => r.Signal).Order());
    }

    [Fact]
    public async Task DuplicateOnTwoSignals_IsScoredOnTheirCombinedEvidence()
    {
        var s = await DuplicatesScenario.Of(platform);

        var sameDomainAndName = (await DuplicatesOfTimber(s)).Single(c => c.Duplicate.Id == s.SameDomainAndName.Id);

        Assert.Equal(1 - (0.2 * 0.3), sameDomainAndName.Score, 3);
    }

    [Fact]
    public async Task DuplicateSharingAPerson_NamesTheEmailTheyShare()
    {
        var s = await DuplicatesScenario.Of(platform);

        var samePerson = (await DuplicatesOfTimber(s)).Single(c => c.Duplicate.Id == s.SamePerson.Id);

        Assert.Equal("anna@nordictimber.se", Assert.Single(samePerson.Reasons).Detail);
    }

    [Fact]
    public async Task DuplicateSharingAPhoneNumberWrittenOtherwise_IsFoundByThePhone()
    {
        var s = await DuplicatesScenario.Of(platform);

        var samePhone = (await DuplicatesOfTimber(s)).Single(c => c.Duplicate.Id == s.SamePhone.Id);

        Assert.Equal(DuplicateSignal.SharedPhone, Assert.Single(samePhone.Reasons).Signal);
    }

    [Fact]
    public async Task DuplicateByASimilarNameAlone_IsAWeakMatch()
    {
        var s = await DuplicatesScenario.Of(platform);

        var typo = (await DuplicatesOfTimber(s)).Single(c => c.Duplicate.Id == s.Typo.Id);

        Assert.Equal(DuplicateSignal.SimilarName, Assert.Single(typo.Reasons).Signal);
        Assert.InRange(typo.Score, 0.35, 0.7);
    }

    [Fact]
    public async Task DuplicatesOfACompany_AtTheDefaultThreshold_LeaveOutAWeakNameOnlyMatch()
    {
        var s = await DuplicatesScenario.Of(platform);

        var atDefault = await s.Tenant.Duplicates.FindDuplicateCompaniesAsync(new FindDuplicateCompaniesRequest { CompanyId = s.Timber.Id });

        Assert.DoesNotContain(s.Typo.Id, atDefault.Candidates.Select(c => c.Duplicate.Id));
    }

    // A typo is no shared key, so the tenant-wide pairs hold the other three, each pair once.
    [Fact]
    public async Task DuplicatesOfTheWholeTenant_ArePairsSharingAKey_EachOnce()
    {
        var s = await DuplicatesScenario.Of(platform);

        var pairs = (await s.Tenant.Duplicates.FindDuplicateCompaniesAsync(new FindDuplicateCompaniesRequest())).Candidates;

        Assert.Equal(
            [(s.Timber.Id, s.SameDomainAndName.Id), (s.Timber.Id, s.SamePerson.Id), (s.Timber.Id, s.SamePhone.Id)],
            pairs.Select(p => (p.Company.Id, p.Duplicate.Id)));
        Assert.DoesNotContain(pairs, p => p.Company.Id == s.Unrelated.Id || p.Duplicate.Id == s.Unrelated.Id);
    }

    [Fact]
    public async Task DuplicatesOverRest_AreFoundFromTheSameContract()
    {
        var s = await DuplicatesScenario.Of(platform);

        var rest = JsonNode.Parse(await (await s.Tenant.Rest.PostAsJsonAsync("/v1/companies:findDuplicates", new { companyId = s.Timber.Id })).Content.ReadAsStringAsync())!;

        Assert.Equal(s.SameDomainAndName.Id, (string?)rest["candidates"]![0]!["duplicate"]!["id"]);
    }

    [Fact]
    public async Task FindingDuplicatesWithBadArguments_IsInvalidArgument_NamingEach()
    {
        using var tenant = await platform.NewTenant();

        var bad = await Assert.ThrowsAsync<RpcException>(() => tenant.Duplicates.FindDuplicateCompaniesAsync(new FindDuplicateCompaniesRequest { CompanyId = "nope", MinScore = 2, PageSize = -1 }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal(["company_id", "min_score", "page_size"], bad.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field).Order());
    }

    [Fact]
    public async Task UndoOfAMergeWhoseSurvivorWasMergedOn_IsFailedPrecondition_NamingTheLaterSurvivor()
    {
        using var tenant = await platform.NewTenant();
        var (_, _, third, intoSecond, _) = await MergeInChain(tenant);

        var tooEarly = await Assert.ThrowsAsync<RpcException>(() => tenant.Merges.UndoCompanyMergeAsync(new UndoCompanyMergeRequest { Id = intoSecond.Id }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, tooEarly.StatusCode);
        Assert.Contains(third.Id, tooEarly.Status.Detail);
    }

    [Fact]
    public async Task MergesUndoneLastFirst_BringEveryCompanyBack()
    {
        using var tenant = await platform.NewTenant();
        var (first, _, _, intoSecond, intoThird) = await MergeInChain(tenant);

        await tenant.Merges.UndoCompanyMergeAsync(new UndoCompanyMergeRequest { Id = intoThird.Id });
        await tenant.Merges.UndoCompanyMergeAsync(new UndoCompanyMergeRequest { Id = intoSecond.Id });

        Assert.Null((await tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = first.Id })).DeleteTime);
        Assert.Equal(2, (await tenant.Merges.ListCompanyMergesAsync(new ListCompanyMergesRequest())).Merges.Count(m => m.UndoTime is not null));
    }

    [Fact]
    public async Task MergeIntoItself_IsInvalidArgument_NamingTheMergedId()
    {
        using var tenant = await platform.NewTenant();
        var company = await Create(tenant, new Company { Name = "First AB" });

        var self = await Assert.ThrowsAsync<RpcException>(() => tenant.Merges.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = company.Id, MergedId = company.Id }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, self.StatusCode);
        Assert.Equal(["merged_id"], self.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task MergeOverRestOfABadId_IsBadRequest_NamingTheField()
    {
        using var tenant = await platform.NewTenant();
        var company = await Create(tenant, new Company { Name = "First AB" });

        var overRest = await tenant.Rest.PostAsJsonAsync("/v1/merges", new { survivorId = company.Id, mergedId = "not-an-id" });

        Assert.Equal(HttpStatusCode.BadRequest, overRest.StatusCode);
        Assert.Contains("merged_id", await overRest.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EqualKeysInAnotherTenant_AreNeverADuplicate()
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();
        var ours = await Create(a, new Company { Name = "Twin AB", Domain = "twin.example" });
        await Create(b, new Company { Name = "Twin AB", Domain = "twin.example" });
        await Create(b, new Company { Name = "Twin", Domain = "twin.example" });

        Assert.Empty((await a.Duplicates.FindDuplicateCompaniesAsync(new FindDuplicateCompaniesRequest { CompanyId = ours.Id, MinScore = 0.01 })).Candidates);
        Assert.Empty((await a.Duplicates.FindDuplicateCompaniesAsync(new FindDuplicateCompaniesRequest { MinScore = 0.01 })).Candidates);
    }

    [Fact]
    public async Task AnotherTenantsCompaniesAndMerges_AreNotFound_InEveryCall()
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();
        var ours = await Create(a, new Company { Name = "Twin AB", Domain = "twin.example" });
        var theirs = await Create(b, new Company { Name = "Twin AB", Domain = "twin.example" });
        var theirOther = await Create(b, new Company { Name = "Twin", Domain = "twin.example" });
        var theirMerge = await b.Merges.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = theirs.Id, MergedId = theirOther.Id });

        Task<RpcException> Refused(Func<Task> call) => Assert.ThrowsAsync<RpcException>(call);
        var refusals = new[]
        {
            await Refused(() => a.Duplicates.FindDuplicateCompaniesAsync(new FindDuplicateCompaniesRequest { CompanyId = theirs.Id }).ResponseAsync),
            await Refused(() => a.Merges.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = ours.Id, MergedId = theirs.Id, ValidateOnly = true }).ResponseAsync),
            await Refused(() => a.Merges.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = theirs.Id, MergedId = ours.Id }).ResponseAsync),
            await Refused(() => a.Merges.GetCompanyMergeAsync(new GetCompanyMergeRequest { Id = theirMerge.Id }).ResponseAsync),
            await Refused(() => a.Merges.UndoCompanyMergeAsync(new UndoCompanyMergeRequest { Id = theirMerge.Id }).ResponseAsync),
            await Refused(() => a.Merges.ListCompanyMergesAsync(new ListCompanyMergesRequest { CompanyId = theirs.Id }).ResponseAsync),
        };
        Assert.All(refusals, e => Assert.Equal(StatusCode.NotFound, e.StatusCode));
        Assert.Empty((await a.Merges.ListCompanyMergesAsync(new ListCompanyMergesRequest())).Merges);
        Assert.Null((await a.Companies.GetCompanyAsync(new GetCompanyRequest { Id = ours.Id })).DeleteTime);
        Assert.Null((await b.Merges.GetCompanyMergeAsync(new GetCompanyMergeRequest { Id = theirMerge.Id })).UndoTime);
    }

    private static async Task<List<DuplicateCandidate>> DuplicatesOfTimber(DuplicatesScenario s) =>
        (await s.Tenant.Duplicates.FindDuplicateCompaniesAsync(new FindDuplicateCompaniesRequest { CompanyId = s.Timber.Id, MinScore = 0.3 })).Candidates.ToList();

    /// <summary>First merged into second, then second into third.</summary>
    private static async Task<(Company First, Company Second, Company Third, CompanyMerge IntoSecond, CompanyMerge IntoThird)> MergeInChain(TenantClient tenant)
    {
        var first = await Create(tenant, new Company { Name = "First AB" });
        var second = await Create(tenant, new Company { Name = "Second AB" });
        var third = await Create(tenant, new Company { Name = "Third AB" });
        var intoSecond = await tenant.Merges.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = second.Id, MergedId = first.Id });
        var intoThird = await tenant.Merges.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = third.Id, MergedId = second.Id });
        return (first, second, third, intoSecond, intoThird);
    }

    /// <summary>
    /// Waits until Interactions, Billing and Segmentation treat <paramref name="mergedId"/> as
    /// <paramref name="survivorId"/>. Each attempt records an interaction and an invoice.
    /// </summary>
    internal static Task FollowedEverywhere(TenantClient tenant, string mergedId, string survivorId) => Eventually.True(
        async () => (await tenant.Interactions.RecordInteractionAsync(new RecordInteractionRequest { CompanyId = mergedId, Interaction = new Interaction { Kind = InteractionKind.Note, Body = "probe" } })).CompanyId == survivorId
            && (await tenant.Billing.CreateInvoiceAsync(new CreateInvoiceRequest { Invoice = Invoice(mergedId, $"PROBE-{Guid.NewGuid():N}"[..20]) })).CompanyId == survivorId
            && (await tenant.Segmentation.GetCompanyFactsAsync(new GetCompanyFactsRequest { CompanyId = mergedId })).MergedIntoId == survivorId,
        "the merge to reach every service");

    private static Invoice Invoice(string companyId, string number) => new()
    {
        CompanyId = companyId,
        Number = number,
        Amount = new Money { CurrencyCode = "EUR", Units = 500 },
        IssueDate = new Date { Year = 2026, Month = 11, Day = 1 },
        DueDate = new Date { Year = 2026, Month = 12, Day = 1 },
    };

    private static async Task<Company> Create(TenantClient tenant, Company company) =>
        await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = company });
}
