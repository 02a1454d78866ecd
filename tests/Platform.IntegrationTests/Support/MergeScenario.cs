using CrmPlatform.Contracts.Billing.V1;
using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.Contracts.Interactions.V1;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.Contracts.Segmentation.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests.Support;

/// <summary>
/// One merge lived through once, with what was seen at each step kept for the tests to check
/// one behaviour each: a company with a person, a project, history, an interaction and an
/// invoice is merged into another (after a dry run), followed by every service, edited, and the
/// merge undone. Arranging it once keeps the suite's time where it was.
/// </summary>
public sealed class MergeScenario
{
    private static readonly Once<MergeScenario> Run = new(Live);

    public required Company Survivor { get; init; }
    public required Company Merged { get; init; }
    public required Person Anna { get; init; }
    public required Project Deal { get; init; }
    public required Interaction Call { get; init; }
    public required Invoice Invoice { get; init; }

    public required CompanyMerge DryRun { get; init; }
    public required Company SurvivorAfterDryRun { get; init; }
    public required int MergedPeopleAfterDryRun { get; init; }
    public required StatusCode StaleEtagMerge { get; init; }

    public required CompanyMerge Merge { get; init; }
    public required Company MergedAfterMerge { get; init; }
    public required List<string> SurvivorPeopleAfterMerge { get; init; }
    public required List<string> SurvivorProjectsAfterMerge { get; init; }
    public required List<CompanyChange> SurvivorHistoryAfterMerge { get; init; }
    public required List<CompanyChange> MergedHistoryAfterMerge { get; init; }
    public required CompanyMerge MergeAsRead { get; init; }
    public required List<string> MergesOfMerged { get; init; }
    public required CompanyFacts SurvivorFactsAfterMerge { get; init; }
    public required List<string> FactsListedAfterMerge { get; init; }
    public required Interaction NoteAfterMerge { get; init; }
    public required StatusCode UndeleteOfMerged { get; init; }
    public required StatusCode MergeOfMergedAgain { get; init; }

    public required string LegalNameChangedSinceMerge { get; init; }
    public required CompanyMerge Undone { get; init; }
    public required Company MergedAfterUndo { get; init; }
    public required List<string> MergedPeopleAfterUndo { get; init; }
    public required List<string> MergedProjectsAfterUndo { get; init; }
    public required List<CompanyChange> MergedHistoryAfterUndo { get; init; }
    public required StatusCode UndoAgain { get; init; }
    public required TenantClient Tenant { get; init; }

    public static Task<MergeScenario> Of(PlatformFixture platform) => Run.Of(platform);

    private static async Task<MergeScenario> Live(PlatformFixture platform)
    {
        var tenant = await platform.NewTenant();
        var survivor = await tenant.CreateCompanyKnownEverywhere("Nordic Timber AB");
        survivor = await tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = survivor.Id, Website = "https://nordictimber.se", Tags = { "key-account" } },
        });
        var merged = await tenant.CreateCompanyKnownEverywhere("Nordic Timber");
        merged = await tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest
        {
            Company = new Company { Id = merged.Id, Phone = "+46 90 123 45 67", LegalName = "Nordic Timber Aktiebolag", Tags = { "forestry" }, Website = "https://other.example" },
        });
        var anna = await tenant.People.CreatePersonAsync(new CreatePersonRequest { CompanyId = merged.Id, Person = new Person { GivenName = "Anna", Title = "CFO" } });
        await tenant.People.UpdatePersonAsync(new UpdatePersonRequest { Person = new Person { Id = anna.Id, Title = "CEO" }, UpdateMask = FieldMask.FromString("title") });
        var deal = await tenant.Projects.CreateProjectAsync(new CreateProjectRequest { CompanyId = merged.Id, Project = new Project { Name = "Sawmill ERP", Stage = ProjectStage.Proposed } });
        var call = await tenant.Interactions.RecordInteractionAsync(new RecordInteractionRequest { CompanyId = merged.Id, Interaction = new Interaction { Kind = InteractionKind.Call, Subject = "Intro" } });
        var invoice = await tenant.Billing.CreateInvoiceAsync(new CreateInvoiceRequest
        {
            Invoice = new Invoice
            {
                CompanyId = merged.Id,
                Number = "NT-1",
                Amount = new Money { CurrencyCode = "EUR", Units = 500 },
                IssueDate = new Date { Year = 2026, Month = 11, Day = 1 },
                DueDate = new Date { Year = 2026, Month = 12, Day = 1 },
            },
        });
        await Eventually.True(
            async () => (await tenant.Segmentation.GetCompanyFactsAsync(new GetCompanyFactsRequest { CompanyId = merged.Id })) is { InteractionCount: 1, InvoiceCount: 1 },
            "the merged company's facts");

        var dryRun = await tenant.Merges.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = survivor.Id, MergedId = merged.Id, ValidateOnly = true });
        var survivorAfterDryRun = await tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = survivor.Id });
        var mergedPeopleAfterDryRun = (await tenant.People.ListPeopleAsync(new ListPeopleRequest { CompanyId = merged.Id })).People.Count;
        var stale = await Status(() => tenant.Merges.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = survivor.Id, MergedId = merged.Id, MergedEtag = "00000000" }).ResponseAsync);

        var merge = await tenant.Merges.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = survivor.Id, MergedId = merged.Id, SurvivorEtag = survivor.Etag, MergedEtag = merged.Etag });
        var mergedAfterMerge = await tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = merged.Id });
        var survivorPeople = (await tenant.People.ListPeopleAsync(new ListPeopleRequest { CompanyId = survivor.Id })).People.Select(p => p.Id).ToList();
        var survivorProjects = (await tenant.Projects.ListProjectsAsync(new ListProjectsRequest { CompanyId = survivor.Id })).Projects.Select(p => p.Id).ToList();
        var survivorHistory = (await tenant.History.ListCompanyChangesAsync(new ListCompanyChangesRequest { CompanyId = survivor.Id })).Changes.ToList();
        var mergedHistory = (await tenant.History.ListCompanyChangesAsync(new ListCompanyChangesRequest { CompanyId = merged.Id })).Changes.ToList();
        var mergeAsRead = await tenant.Merges.GetCompanyMergeAsync(new GetCompanyMergeRequest { Id = merge.Id });
        var mergesOfMerged = (await tenant.Merges.ListCompanyMergesAsync(new ListCompanyMergesRequest { CompanyId = merged.Id })).Merges.Select(m => m.Id).ToList();

        await Eventually.True(
            async () => (await tenant.Interactions.ListInteractionsAsync(new ListInteractionsRequest { CompanyId = survivor.Id })).Interactions.Any(i => i.Id == call.Id)
                && (await tenant.Billing.ListInvoicesAsync(new ListInvoicesRequest { CompanyId = survivor.Id })).Invoices.Any(i => i.Id == invoice.Id)
                && (await tenant.Segmentation.GetCompanyFactsAsync(new GetCompanyFactsRequest { CompanyId = survivor.Id })).MergedCompanyIds.Contains(merged.Id),
            "the merge to reach every service");
        var facts = await tenant.Segmentation.GetCompanyFactsAsync(new GetCompanyFactsRequest { CompanyId = survivor.Id });
        var listed = (await tenant.Segmentation.ListCompanyFactsAsync(new ListCompanyFactsRequest())).Clients.Select(c => c.CompanyId).ToList();
        var late = await tenant.Interactions.RecordInteractionAsync(new RecordInteractionRequest { CompanyId = merged.Id, Interaction = new Interaction { Kind = InteractionKind.Note, Body = "After the merge" } });
        var undelete = await Status(() => tenant.Companies.UndeleteCompanyAsync(new UndeleteCompanyRequest { Id = merged.Id }).ResponseAsync);
        var mergeAgain = await Status(() => tenant.Merges.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = survivor.Id, MergedId = merged.Id }).ResponseAsync);

        // Someone changes a filled field after the merge, before it is undone.
        const string changedLegalName = "Nordic Timber AB (publ)";
        await tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest { Company = new Company { Id = survivor.Id, LegalName = changedLegalName }, UpdateMask = FieldMask.FromString("legal_name") });

        var undone = await tenant.Merges.UndoCompanyMergeAsync(new UndoCompanyMergeRequest { Id = merge.Id });
        return new MergeScenario
        {
            Tenant = tenant,
            Survivor = survivor,
            Merged = merged,
            Anna = anna,
            Deal = deal,
            Call = call,
            Invoice = invoice,
            DryRun = dryRun,
            SurvivorAfterDryRun = survivorAfterDryRun,
            MergedPeopleAfterDryRun = mergedPeopleAfterDryRun,
            StaleEtagMerge = stale,
            Merge = merge,
            MergedAfterMerge = mergedAfterMerge,
            SurvivorPeopleAfterMerge = survivorPeople,
            SurvivorProjectsAfterMerge = survivorProjects,
            SurvivorHistoryAfterMerge = survivorHistory,
            MergedHistoryAfterMerge = mergedHistory,
            MergeAsRead = mergeAsRead,
            MergesOfMerged = mergesOfMerged,
            SurvivorFactsAfterMerge = facts,
            FactsListedAfterMerge = listed,
            NoteAfterMerge = late,
            UndeleteOfMerged = undelete,
            MergeOfMergedAgain = mergeAgain,
            LegalNameChangedSinceMerge = changedLegalName,
            Undone = undone,
            MergedAfterUndo = await tenant.Companies.GetCompanyAsync(new GetCompanyRequest { Id = merged.Id }),
            MergedPeopleAfterUndo = (await tenant.People.ListPeopleAsync(new ListPeopleRequest { CompanyId = merged.Id })).People.Select(p => p.Id).ToList(),
            MergedProjectsAfterUndo = (await tenant.Projects.ListProjectsAsync(new ListProjectsRequest { CompanyId = merged.Id })).Projects.Select(p => p.Id).ToList(),
            MergedHistoryAfterUndo = (await tenant.History.ListCompanyChangesAsync(new ListCompanyChangesRequest { CompanyId = merged.Id })).Changes.ToList(),
            UndoAgain = await Status(() => tenant.Merges.UndoCompanyMergeAsync(new UndoCompanyMergeRequest { Id = merge.Id }).ResponseAsync),
        };
    }

    private static async Task<StatusCode> Status<T>(Func<Task<T>> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }
}
