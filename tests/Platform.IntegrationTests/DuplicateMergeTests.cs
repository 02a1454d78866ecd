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

/// <summary>Two records of one client: found with reasons, merged with everything that hangs on them, and taken apart again.</summary>
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
        await tenant.Profiles.CreatePersonAsync(new CreatePersonRequest { CompanyId = timber.Id, Person = new Person { GivenName = "Anna", Emails = { "anna@nordictimber.se" } } });
        await tenant.Profiles.CreatePersonAsync(new CreatePersonRequest { CompanyId = samePerson.Id, Person = new Person { GivenName = "Anna", Emails = { "Anna@NordicTimber.se" } } });

        var ofTimber = (await tenant.Profiles.FindDuplicateCompaniesAsync(new FindDuplicateCompaniesRequest { CompanyId = timber.Id, MinScore = 0.3 })).Candidates;

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
        Assert.DoesNotContain(typo.Id, (await tenant.Profiles.FindDuplicateCompaniesAsync(new FindDuplicateCompaniesRequest { CompanyId = timber.Id })).Candidates.Select(c => c.Duplicate.Id));
        var pairs = (await tenant.Profiles.FindDuplicateCompaniesAsync(new FindDuplicateCompaniesRequest())).Candidates;
        Assert.Equal(
            [(timber.Id, sameDomainAndName.Id), (timber.Id, samePerson.Id), (timber.Id, samePhone.Id)],
            pairs.Select(p => (p.Company.Id, p.Duplicate.Id)));
        Assert.DoesNotContain(pairs, p => p.Company.Id == unrelated.Id || p.Duplicate.Id == unrelated.Id);

        // Over REST too, from the same contract.
        var rest = JsonNode.Parse(await (await tenant.Rest.PostAsJsonAsync("/v1/companies:findDuplicates", new { companyId = timber.Id })).Content.ReadAsStringAsync())!;
        Assert.Equal(sameDomainAndName.Id, (string?)rest["candidates"]![0]!["duplicate"]!["id"]);

        var bad = await Assert.ThrowsAsync<RpcException>(() => tenant.Profiles.FindDuplicateCompaniesAsync(new FindDuplicateCompaniesRequest { CompanyId = "nope", MinScore = 2, PageSize = -1 }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal(["company_id", "min_score", "page_size"], bad.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field).Order());
    }

    [Fact]
    public async Task Merge_MovesPeopleProjectsHistoryAndOtherServicesData_AndUndoPutsItBack()
    {
        using var tenant = await platform.NewTenant();
        var survivor = await tenant.CreateCompanyKnownEverywhere("Nordic Timber AB");
        survivor = await tenant.Profiles.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = survivor.Id, Website = "https://nordictimber.se", Tags = { "key-account" } },
        });
        var merged = await tenant.CreateCompanyKnownEverywhere("Nordic Timber");
        merged = await tenant.Profiles.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = merged.Id, Phone = "+46 90 123 45 67", LegalName = "Nordic Timber Aktiebolag", Tags = { "forestry" }, Website = "https://other.example" },
        });
        var anna = await tenant.Profiles.CreatePersonAsync(new CreatePersonRequest { CompanyId = merged.Id, Person = new Person { GivenName = "Anna", Title = "CFO" } });
        await tenant.Profiles.UpdatePersonAsync(new UpdatePersonRequest { Person = new Person { Id = anna.Id, Title = "CEO" }, UpdateMask = FieldMask.FromString("title") });
        var deal = await tenant.Profiles.CreateProjectAsync(new CreateProjectRequest { CompanyId = merged.Id, Project = new Project { Name = "Sawmill ERP", Stage = ProjectStage.Proposed } });
        var call = await tenant.Interactions.RecordInteractionAsync(new RecordInteractionRequest { CompanyId = merged.Id, Interaction = new Interaction { Kind = InteractionKind.Call, Subject = "Intro" } });
        var invoice = await tenant.Billing.CreateInvoiceAsync(new CreateInvoiceRequest { Invoice = Invoice(merged.Id, "NT-1") });
        await Eventually.True(
            async () => (await tenant.Segmentation.GetClientFactsAsync(new GetClientFactsRequest { CompanyId = merged.Id })) is { InteractionCount: 1, InvoiceCount: 1 },
            "the merged company's facts");

        // A dry run says what would happen and does none of it.
        var dryRun = await tenant.Profiles.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = survivor.Id, MergedId = merged.Id, ValidateOnly = true });
        Assert.Equal("", dryRun.Id);
        Assert.Equal(["legal_name", "phone", "tags"], dryRun.FilledFields.Order());
        Assert.Equal("https://nordictimber.se", dryRun.Survivor.Website);
        Assert.Equal(["key-account", "forestry"], dryRun.Survivor.Tags);
        Assert.Equal([anna.Id], dryRun.MovedPersonIds);
        Assert.Equal([deal.Id], dryRun.MovedProjectIds);
        Assert.Equal(1, dryRun.MovedChangeCount);
        Assert.Equal("", (await tenant.Profiles.GetCompanyAsync(new GetCompanyRequest { Id = survivor.Id })).Phone);
        Assert.Single((await tenant.Profiles.ListPeopleAsync(new ListPeopleRequest { CompanyId = merged.Id })).People);

        var stale = await Assert.ThrowsAsync<RpcException>(() => tenant.Profiles.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = survivor.Id, MergedId = merged.Id, MergedEtag = "00000000" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, stale.StatusCode);

        var merge = await tenant.Profiles.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = survivor.Id, MergedId = merged.Id, SurvivorEtag = survivor.Etag, MergedEtag = merged.Etag });

        Assert.NotEmpty(merge.Id);
        Assert.Equal("+46 90 123 45 67", merge.Survivor.Phone);
        Assert.Equal(merge.UndoDeadline.ToDateTime(), merge.MergeTime.ToDateTime().AddDays(30));
        var gone = await tenant.Profiles.GetCompanyAsync(new GetCompanyRequest { Id = merged.Id });
        Assert.Equal(survivor.Id, gone.MergedIntoId);
        Assert.NotNull(gone.DeleteTime);
        Assert.Equal([anna.Id], (await tenant.Profiles.ListPeopleAsync(new ListPeopleRequest { CompanyId = survivor.Id })).People.Select(p => p.Id));
        Assert.Equal([deal.Id], (await tenant.Profiles.ListProjectsAsync(new ListProjectsRequest { CompanyId = survivor.Id })).Projects.Select(p => p.Id));
        var survivorHistory = (await tenant.Profiles.ListCompanyChangesAsync(new ListCompanyChangesRequest { CompanyId = survivor.Id })).Changes;
        Assert.Contains(survivorHistory, c => c.Field == "person.title" && c.PersonId == anna.Id);
        Assert.Contains(survivorHistory, c => c.Field == "phone" && c.After.Phone == "+46 90 123 45 67");
        Assert.Contains((await tenant.Profiles.ListCompanyChangesAsync(new ListCompanyChangesRequest { CompanyId = merged.Id })).Changes, c => c.Field == "merged_into_id");
        Assert.Equal(merge.Id, (await tenant.Profiles.GetCompanyMergeAsync(new GetCompanyMergeRequest { Id = merge.Id })).Id);
        Assert.Equal([merge.Id], (await tenant.Profiles.ListCompanyMergesAsync(new ListCompanyMergesRequest { CompanyId = merged.Id })).Merges.Select(m => m.Id));

        // The other services follow the merge event: the merged company's rows now belong to the survivor.
        await Eventually.True(
            async () => (await tenant.Interactions.ListInteractionsAsync(new ListInteractionsRequest { CompanyId = survivor.Id })).Interactions.Any(i => i.Id == call.Id)
                && (await tenant.Billing.ListInvoicesAsync(new ListInvoicesRequest { CompanyId = survivor.Id })).Invoices.Any(i => i.Id == invoice.Id)
                && (await tenant.Segmentation.GetClientFactsAsync(new GetClientFactsRequest { CompanyId = survivor.Id })).MergedCompanyIds.Contains(merged.Id),
            "the merge to reach every service");
        var facts = await tenant.Segmentation.GetClientFactsAsync(new GetClientFactsRequest { CompanyId = survivor.Id });
        Assert.Equal((1, 1), (facts.InteractionCount, facts.InvoiceCount));
        Assert.DoesNotContain(merged.Id, (await tenant.Segmentation.ListClientFactsAsync(new ListClientFactsRequest())).Clients.Select(c => c.CompanyId));
        // What is recorded against the merged company's id now goes to the survivor.
        var late = await tenant.Interactions.RecordInteractionAsync(new RecordInteractionRequest { CompanyId = merged.Id, Interaction = new Interaction { Kind = InteractionKind.Note, Body = "After the merge" } });
        Assert.Equal(survivor.Id, late.CompanyId);

        // A merged company cannot be merged again or undeleted on its own.
        Assert.Equal(StatusCode.FailedPrecondition, (await Assert.ThrowsAsync<RpcException>(() => tenant.Profiles.UndeleteCompanyAsync(new UndeleteCompanyRequest { Id = merged.Id }).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, (await Assert.ThrowsAsync<RpcException>(() => tenant.Profiles.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = survivor.Id, MergedId = merged.Id }).ResponseAsync)).StatusCode);

        // Someone changes a filled field after the merge: the undo keeps their value.
        await tenant.Profiles.UpdateCompanyAsync(new UpdateCompanyRequest { Company = new Company { Id = survivor.Id, LegalName = "Nordic Timber AB (publ)" }, UpdateMask = FieldMask.FromString("legal_name") });

        var undone = await tenant.Profiles.UndoCompanyMergeAsync(new UndoCompanyMergeRequest { Id = merge.Id });

        Assert.NotNull(undone.UndoTime);
        Assert.Equal("", undone.Survivor.Phone);
        Assert.Equal(["key-account"], undone.Survivor.Tags);
        Assert.Equal("Nordic Timber AB (publ)", undone.Survivor.LegalName);
        var back = await tenant.Profiles.GetCompanyAsync(new GetCompanyRequest { Id = merged.Id });
        Assert.Null(back.DeleteTime);
        Assert.Equal("", back.MergedIntoId);
        Assert.Equal([anna.Id], (await tenant.Profiles.ListPeopleAsync(new ListPeopleRequest { CompanyId = merged.Id })).People.Select(p => p.Id));
        Assert.Equal([deal.Id], (await tenant.Profiles.ListProjectsAsync(new ListProjectsRequest { CompanyId = merged.Id })).Projects.Select(p => p.Id));
        Assert.Contains((await tenant.Profiles.ListCompanyChangesAsync(new ListCompanyChangesRequest { CompanyId = merged.Id })).Changes, c => c.Field == "person.title");
        await Eventually.True(
            async () => (await tenant.Interactions.ListInteractionsAsync(new ListInteractionsRequest { CompanyId = merged.Id })).Interactions.Select(i => i.Id).SequenceEqual([call.Id])
                && (await tenant.Billing.ListInvoicesAsync(new ListInvoicesRequest { CompanyId = merged.Id })).Invoices.Select(i => i.Id).SequenceEqual([invoice.Id])
                && (await tenant.Segmentation.GetClientFactsAsync(new GetClientFactsRequest { CompanyId = survivor.Id })).MergedCompanyIds.Count == 0,
            "the undo to reach every service");
        // The note written after the merge was the survivor's, and stays with it.
        Assert.Equal([late.Id], (await tenant.Interactions.ListInteractionsAsync(new ListInteractionsRequest { CompanyId = survivor.Id })).Interactions.Select(i => i.Id));

        var again = await Assert.ThrowsAsync<RpcException>(() => tenant.Profiles.UndoCompanyMergeAsync(new UndoCompanyMergeRequest { Id = merge.Id }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
    }

    [Fact]
    public async Task Merges_AreUndoneLastFirst_AndRefuseBadInput()
    {
        using var tenant = await platform.NewTenant();
        var first = await Create(tenant, new Company { Name = "First AB" });
        var second = await Create(tenant, new Company { Name = "Second AB" });
        var third = await Create(tenant, new Company { Name = "Third AB" });
        var intoSecond = await tenant.Profiles.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = second.Id, MergedId = first.Id });
        var intoThird = await tenant.Profiles.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = third.Id, MergedId = second.Id });

        var tooEarly = await Assert.ThrowsAsync<RpcException>(() => tenant.Profiles.UndoCompanyMergeAsync(new UndoCompanyMergeRequest { Id = intoSecond.Id }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, tooEarly.StatusCode);
        Assert.Contains(third.Id, tooEarly.Status.Detail);
        await tenant.Profiles.UndoCompanyMergeAsync(new UndoCompanyMergeRequest { Id = intoThird.Id });
        await tenant.Profiles.UndoCompanyMergeAsync(new UndoCompanyMergeRequest { Id = intoSecond.Id });
        Assert.Null((await tenant.Profiles.GetCompanyAsync(new GetCompanyRequest { Id = first.Id })).DeleteTime);
        Assert.Equal(2, (await tenant.Profiles.ListCompanyMergesAsync(new ListCompanyMergesRequest())).Merges.Count(m => m.UndoTime is not null));

        var self = await Assert.ThrowsAsync<RpcException>(() => tenant.Profiles.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = first.Id, MergedId = first.Id }).ResponseAsync);
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
        var theirMerge = await b.Profiles.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = theirs.Id, MergedId = theirOther.Id });

        // Equal keys in another tenant are never a duplicate.
        Assert.Empty((await a.Profiles.FindDuplicateCompaniesAsync(new FindDuplicateCompaniesRequest { CompanyId = ours.Id, MinScore = 0.01 })).Candidates);
        Assert.Empty((await a.Profiles.FindDuplicateCompaniesAsync(new FindDuplicateCompaniesRequest { MinScore = 0.01 })).Candidates);

        Task<RpcException> Refused(Func<Task> call) => Assert.ThrowsAsync<RpcException>(call);
        var refusals = new[]
        {
            await Refused(() => a.Profiles.FindDuplicateCompaniesAsync(new FindDuplicateCompaniesRequest { CompanyId = theirs.Id }).ResponseAsync),
            await Refused(() => a.Profiles.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = ours.Id, MergedId = theirs.Id, ValidateOnly = true }).ResponseAsync),
            await Refused(() => a.Profiles.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = theirs.Id, MergedId = ours.Id }).ResponseAsync),
            await Refused(() => a.Profiles.GetCompanyMergeAsync(new GetCompanyMergeRequest { Id = theirMerge.Id }).ResponseAsync),
            await Refused(() => a.Profiles.UndoCompanyMergeAsync(new UndoCompanyMergeRequest { Id = theirMerge.Id }).ResponseAsync),
            await Refused(() => a.Profiles.ListCompanyMergesAsync(new ListCompanyMergesRequest { CompanyId = theirs.Id }).ResponseAsync),
        };
        Assert.All(refusals, e => Assert.Equal(StatusCode.NotFound, e.StatusCode));
        Assert.Empty((await a.Profiles.ListCompanyMergesAsync(new ListCompanyMergesRequest())).Merges);
        Assert.Null((await a.Profiles.GetCompanyAsync(new GetCompanyRequest { Id = ours.Id })).DeleteTime);
        Assert.Null((await b.Profiles.GetCompanyMergeAsync(new GetCompanyMergeRequest { Id = theirMerge.Id })).UndoTime);
    }

    /// <summary>
    /// Waits until Interactions, Billing and Segmentation treat <paramref name="mergedId"/> as
    /// <paramref name="survivorId"/>. Each attempt records an interaction and an invoice.
    /// </summary>
    internal static Task FollowedEverywhere(TenantClient tenant, string mergedId, string survivorId) => Eventually.True(
        async () => (await tenant.Interactions.RecordInteractionAsync(new RecordInteractionRequest { CompanyId = mergedId, Interaction = new Interaction { Kind = InteractionKind.Note, Body = "probe" } })).CompanyId == survivorId
            && (await tenant.Billing.CreateInvoiceAsync(new CreateInvoiceRequest { Invoice = Invoice(mergedId, $"PROBE-{Guid.NewGuid():N}"[..20]) })).CompanyId == survivorId
            && (await tenant.Segmentation.GetClientFactsAsync(new GetClientFactsRequest { CompanyId = mergedId })).MergedIntoId == survivorId,
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
        await tenant.Profiles.CreateCompanyAsync(new CreateCompanyRequest { Company = company });
}
