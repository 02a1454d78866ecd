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
    public async Task Duplicates_AreFoundBySharedKeysAndSimilarNames_ScoredWithReasons()
    {
        using var tenant = await platform.NewTenant();
        var timber = await Create(tenant, new Company { Name = "Nordic Timber AB", Website = "https://www.nordictimber.se", Phone = "+46 90 123 45 67" });
        var sameDomainAndName = await Create(tenant, new Company { Name = "NORDIC-TIMBER", Domain = "nordictimber.se" });
        var typo = await Create(tenant, new Company { Name = "Nordik Timber" });
        var samePerson = await Create(tenant, new Company { Name = "Umeå Sawmill" });
        var samePhone = await Create(tenant, new Company { Name = "Forest Holdings", Phone = "+46 (90) 123-45-67" });
        var unrelated = await Create(tenant, new Company { Name = "Zebra Logistics", Phone = "+1 555 0100 200" });
        await tenant.People.CreatePersonAsync(new CreatePersonRequest { CompanyId = timber.Id, Person = new Person { GivenName = "Anna", Emails = { "anna@nordictimber.se" } } });
        await tenant.People.CreatePersonAsync(new CreatePersonRequest { CompanyId = samePerson.Id, Person = new Person { GivenName = "Anna", Emails = { "Anna@NordicTimber.se" } } });

        var ofTimber = (await tenant.Duplicates.FindDuplicateCompaniesAsync(new FindDuplicateCompaniesRequest { CompanyId = timber.Id, MinScore = 0.3 })).Candidates;

        Assert.Equal([sameDomainAndName.Id, samePerson.Id, samePhone.Id, typo.Id], ofTimber.Select(c => c.Duplicate.Id));
        Assert.All(ofTimber, c => Assert.Equal(timber.Id, c.Company.Id));
        Assert.Equal([DuplicateSignal.SameDomain, DuplicateSignal.SameName], ofTimber[0].Reasons.Select(r => r.Signal).Order());
        Assert.Equal(1 - (0.2 * 0.3), ofTimber[0].Score, 3);
        Assert.Equal("anna@nordictimber.se", Assert.Single(ofTimber[1].Reasons).Detail);
        Assert.Equal(DuplicateSignal.SharedPhone, Assert.Single(ofTimber[2].Reasons).Signal);
        Assert.Equal(DuplicateSignal.SimilarName, Assert.Single(ofTimber[3].Reasons).Signal);
        Assert.InRange(ofTimber[3].Score, 0.35, 0.7);

        // The default threshold (0.5) drops the weak name-only match; a typo is no shared key, so
        // the tenant-wide pairs hold the other three, each pair once.
        Assert.DoesNotContain(typo.Id, (await tenant.Duplicates.FindDuplicateCompaniesAsync(new FindDuplicateCompaniesRequest { CompanyId = timber.Id })).Candidates.Select(c => c.Duplicate.Id));
        var pairs = (await tenant.Duplicates.FindDuplicateCompaniesAsync(new FindDuplicateCompaniesRequest())).Candidates;
        Assert.Equal(
            [(timber.Id, sameDomainAndName.Id), (timber.Id, samePerson.Id), (timber.Id, samePhone.Id)],
            pairs.Select(p => (p.Company.Id, p.Duplicate.Id)));
        Assert.DoesNotContain(pairs, p => p.Company.Id == unrelated.Id || p.Duplicate.Id == unrelated.Id);

        // Over REST too, from the same contract.
        var rest = JsonNode.Parse(await (await tenant.Rest.PostAsJsonAsync("/v1/companies:findDuplicates", new { companyId = timber.Id })).Content.ReadAsStringAsync())!;
        Assert.Equal(sameDomainAndName.Id, (string?)rest["candidates"]![0]!["duplicate"]!["id"]);

        var bad = await Assert.ThrowsAsync<RpcException>(() => tenant.Duplicates.FindDuplicateCompaniesAsync(new FindDuplicateCompaniesRequest { CompanyId = "nope", MinScore = 2, PageSize = -1 }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal(["company_id", "min_score", "page_size"], bad.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field).Order());
    }

    [Fact]
    public async Task Merges_AreUndoneLastFirst_AndRefuseBadInput()
    {
        using var tenant = await platform.NewTenant();
        var first = await Create(tenant, new Company { Name = "First AB" });
        var second = await Create(tenant, new Company { Name = "Second AB" });
        var third = await Create(tenant, new Company { Name = "Third AB" });
        var intoSecond = await tenant.Merges.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = second.Id, MergedId = first.Id });
        var intoThird = await tenant.Merges.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = third.Id, MergedId = second.Id });

        var tooEarly = await Assert.ThrowsAsync<RpcException>(() => tenant.Merges.UndoCompanyMergeAsync(new UndoCompanyMergeRequest { Id = intoSecond.Id }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, tooEarly.StatusCode);
        Assert.Contains(third.Id, tooEarly.Status.Detail);
        await tenant.Merges.UndoCompanyMergeAsync(new UndoCompanyMergeRequest { Id = intoThird.Id });
        await tenant.Merges.UndoCompanyMergeAsync(new UndoCompanyMergeRequest { Id = intoSecond.Id });
        Assert.Null((await tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = first.Id })).DeleteTime);
        Assert.Equal(2, (await tenant.Merges.ListCompanyMergesAsync(new ListCompanyMergesRequest())).Merges.Count(m => m.UndoTime is not null));

        var self = await Assert.ThrowsAsync<RpcException>(() => tenant.Merges.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = first.Id, MergedId = first.Id }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, self.StatusCode);
        Assert.Equal(["merged_id"], self.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field));
        var overRest = await tenant.Rest.PostAsJsonAsync("/v1/merges", new { survivorId = first.Id, mergedId = "not-an-id" });
        Assert.Equal(HttpStatusCode.BadRequest, overRest.StatusCode);
        Assert.Contains("merged_id", await overRest.Content.ReadAsStringAsync());
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

        // Equal keys in another tenant are never a duplicate.
        Assert.Empty((await a.Duplicates.FindDuplicateCompaniesAsync(new FindDuplicateCompaniesRequest { CompanyId = ours.Id, MinScore = 0.01 })).Candidates);
        Assert.Empty((await a.Duplicates.FindDuplicateCompaniesAsync(new FindDuplicateCompaniesRequest { MinScore = 0.01 })).Candidates);

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
