using CrmPlatform.Contracts.Billing.V1;
using CrmPlatform.Contracts.Common.V1;
using Company = CrmPlatform.Contracts.Profiles.V1.Company;

namespace CrmPlatform.IntegrationTests.Support;

/// <summary>A tenant's books with one client known to every service: invoices and payments dated from today.</summary>
public sealed class Books(TenantClient tenant, Company company) : IDisposable
{
    public TenantClient Tenant { get; } = tenant;

    public Company Company { get; } = company;

    public static async Task<Books> Open(PlatformFixture platform, string name = "Ledger Client AB")
    {
        var tenant = await platform.NewTenant();
        return new Books(tenant, await tenant.CreateCompanyKnownEverywhere(name));
    }

    public static Date Day(int daysFromToday)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysFromToday);
        return new Date { Year = day.Year, Month = day.Month, Day = day.Day };
    }

    public static Money Eur(long units, int nanos = 0) => new() { CurrencyCode = "EUR", Units = units, Nanos = nanos };

    /// <summary>An invoice issued <paramref name="issuedDaysAgo"/> days ago, due <paramref name="netDays"/> days after.</summary>
    public Task<Invoice> Invoice(long amount, int issuedDaysAgo = 40, int netDays = 30, string? companyId = null, string currency = "EUR") =>
        Tenant.Billing.CreateInvoiceAsync(new CreateInvoiceRequest { Invoice = NewInvoice(amount, issuedDaysAgo, netDays, companyId ?? Company.Id, currency) }).ResponseAsync;

    public static Invoice NewInvoice(long amount, int issuedDaysAgo, int netDays, string companyId, string currency = "EUR") => new()
    {
        CompanyId = companyId,
        Number = $"INV-{Guid.NewGuid():N}"[..20],
        Amount = new Money { CurrencyCode = currency, Units = amount },
        IssueDate = Day(-issuedDaysAgo),
        DueDate = Day(-issuedDaysAgo + netDays),
        Terms = new PaymentTerms { NetDays = netDays },
    };

    /// <summary>A payment received <paramref name="receivedDaysAgo"/> days ago, to the invoices named (or, with none, the oldest due first).</summary>
    public Task<Payment> Pay(long amount, int receivedDaysAgo = 0, params (Invoice Invoice, long Amount)[] allocations) =>
        Tenant.Billing.RecordPaymentAsync(new RecordPaymentRequest
        {
            Payment = new Payment
            {
                CompanyId = Company.Id,
                Amount = Eur(amount),
                ReceivedDate = Day(-receivedDaysAgo),
                Method = PaymentMethod.BankTransfer,
                Allocations = { allocations.Select(a => new PaymentAllocation { InvoiceId = a.Invoice.Id, Amount = Eur(a.Amount) }) },
            },
        }).ResponseAsync;

    public async Task<Invoice> Read(Invoice invoice) => await Tenant.Billing.GetInvoiceAsync(new GetInvoiceRequest { Id = invoice.Id });

    public void Dispose() => Tenant.Dispose();
}
