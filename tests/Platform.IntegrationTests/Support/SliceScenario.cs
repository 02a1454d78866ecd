using System.Net;
using System.Net.Http.Json;
using CrmPlatform.Contracts.Billing.V1;
using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.IntegrationTests.Support;

/// <summary>
/// One slice through every service, arranged once for the slice tests to check one behaviour
/// each: tenant <see cref="A"/>'s company known everywhere, a note recorded over REST and an
/// invoice of EUR 1,250.50 on it; tenant <see cref="B"/> beside it with nothing. Waiting for
/// every service is the costly part, so it is done once.
/// </summary>
public sealed class SliceScenario
{
    private static readonly Once<SliceScenario> Run = new(Live);

    public const string NoteBody = "Asked for a quote on Q3 volumes.";

    public static readonly Money InvoiceAmount = new() { CurrencyCode = "EUR", Units = 1250, Nanos = 500_000_000 };

    public required TenantClient A { get; init; }
    public required TenantClient B { get; init; }
    public required Company Company { get; init; }
    public required HttpStatusCode NoteOverRest { get; init; }

    public static Task<SliceScenario> Of(PlatformFixture platform) => Run.Of(platform);

    private static async Task<SliceScenario> Live(PlatformFixture platform)
    {
        var a = await platform.NewTenant();
        var b = await platform.NewTenant();
        var company = await a.CreateCompanyKnownEverywhere("Baltic Freight");

        using var note = await a.Rest.PostAsJsonAsync($"/v1/companies/{company.Id}/interactions", new { kind = "INTERACTION_KIND_NOTE", body = NoteBody });
        await a.Billing.CreateInvoiceAsync(new CreateInvoiceRequest
        {
            Invoice = new Invoice
            {
                CompanyId = company.Id,
                Number = "INV-1001",
                Amount = InvoiceAmount,
                IssueDate = new Date { Year = 2026, Month = 11, Day = 1 },
                DueDate = new Date { Year = 2026, Month = 12, Day = 1 },
            },
        });
        return new SliceScenario { A = a, B = b, Company = company, NoteOverRest = note.StatusCode };
    }
}
