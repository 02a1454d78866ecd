namespace CrmPlatform.Benchmarks.Billing;

/// <summary>How a company pays: days from the due date to its last payment on an invoice.</summary>
public enum Payer
{
    /// <summary>Early or on time.</summary>
    Prompt,

    /// <summary>Around the due date, up to two weeks late.</summary>
    Steady,

    /// <summary>One to six weeks late.</summary>
    Slow,

    /// <summary>Three weeks to four months late, and leaves some invoices part unpaid.</summary>
    Poor,
}

public sealed record LedgerCompany(Guid Id, string Name, string Currency, int NetDays, Payer Payer, decimal TypicalAmount);

/// <summary>An invoice as Billing stores it once the payments on it up to today are in (services/Billing/Data/InvoiceState.cs).</summary>
public sealed record LedgerInvoice(
    Guid Id, Guid CompanyId, string Number, string ExternalId, string Currency, decimal Amount, DateOnly IssueDate, DateOnly DueDate,
    int NetDays, string Status, decimal PaidAmount, DateOnly? SettledOn, bool OverdueAnnounced);

/// <summary>A payment received, wholly allocated to one invoice.</summary>
public sealed record LedgerPayment(
    Guid Id, Guid CompanyId, string ExternalId, string Currency, decimal Amount, DateOnly ReceivedOn, string Reference,
    Guid InvoiceId, string InvoiceExternalId);

public sealed record LedgerChunk(List<LedgerInvoice> Invoices, List<LedgerPayment> Payments);

/// <summary>
/// Two years of receivables made up deterministically: companies of different sizes (a few large
/// clients, many small), currencies, terms and habits; invoices paid in one to four parts, most on
/// time, some late, some still open or overdue, some left part unpaid. Payments dated after today
/// have not happened yet, so recent invoices are open. Each invoice's status, paid amount and
/// settled day are what Billing would hold after those payments (a paid invoice is settled on its
/// last payment; one still owed is overdue once today is past its due date).
/// </summary>
public sealed class SyntheticLedger
{
    public const int HistoryDays = 730;

    private static readonly (string Code, double Share, decimal Scale)[] Currencies = [("EUR", 0.70, 1m), ("SEK", 0.15, 10m), ("USD", 0.10, 1m), ("GBP", 0.05, 1m)];
    private static readonly (int Days, double Share)[] Terms = [(14, 0.15), (30, 0.55), (45, 0.15), (60, 0.15)];
    private static readonly (Payer Payer, double Share)[] Payers = [(Payer.Prompt, 0.55), (Payer.Steady, 0.25), (Payer.Slow, 0.12), (Payer.Poor, 0.08)];
    private static readonly (int Parts, double Share)[] Parts = [(1, 0.25), (2, 0.45), (3, 0.25), (4, 0.05)];

    private readonly IReadOnlyList<LedgerCompany> companies;
    private readonly double[] cumulativeWeight;
    private readonly DateOnly today;
    private readonly string prefix;

    /// <param name="prefix">Starts every number and external id: two ledgers in one tenant never collide.</param>
    public SyntheticLedger(int companyCount, int seed, DateOnly today, string prefix)
    {
        var random = new Random(seed);
        // Invoices per company follow a log-normal spread: the largest client has about twenty
        // times the median's invoices, the 99th percentile about six times.
        var weights = new double[companyCount];
        var list = new List<LedgerCompany>(companyCount);
        for (var i = 0; i < companyCount; i++)
        {
            weights[i] = Math.Exp(0.8 * Normal(random));
            var (currency, _, scale) = Pick(random, Currencies, c => c.Share);
            var typical = decimal.Round((decimal)Math.Exp(Math.Log(1500) + Normal(random)) * scale, 2);
            list.Add(new LedgerCompany(Guid.CreateVersion7(), $"{prefix} Client {i + 1}", currency,
                Pick(random, Terms, t => t.Share).Days, Pick(random, Payers, p => p.Share).Payer, Math.Max(typical, 20m)));
        }

        companies = list;
        cumulativeWeight = new double[companyCount];
        var sum = 0.0;
        for (var i = 0; i < companyCount; i++)
        {
            cumulativeWeight[i] = sum += weights[i];
        }

        (this.today, this.prefix) = (today, prefix);
    }

    public IReadOnlyList<LedgerCompany> Companies => companies;

    /// <summary>Invoices number <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1, with their payments.</summary>
    public LedgerChunk Generate(int first, int count, int seed)
    {
        var random = new Random(seed);
        var chunk = new LedgerChunk(new List<LedgerInvoice>(count), new List<LedgerPayment>(count * 2));
        for (var n = first; n < first + count; n++)
        {
            var company = PickCompany(random);
            var issued = today.AddDays(-random.Next(0, HistoryDays));
            var due = issued.AddDays(company.NetDays);
            var amount = decimal.Round(company.TypicalAmount * (decimal)Math.Exp(0.4 * Normal(random)), 2);
            var (number, externalId) = ($"{prefix}-{n + 1:D8}", $"erp-{prefix}-{n + 1}");
            var invoiceId = Guid.CreateVersion7();

            // The last part arrives on the payer's day; earlier parts at even steps before it.
            var lastDay = Max(issued, due.AddDays(Delay(company.Payer, random)));
            var parts = Pick(random, Parts, p => p.Share).Parts;
            var neverPaidInFull = random.NextDouble() < (company.Payer == Payer.Poor ? 0.15 : 0.02);
            var shares = Enumerable.Range(0, parts).Select(_ => 0.5 + random.NextDouble()).ToList();
            var paid = 0m;
            DateOnly? lastPayment = null;
            for (var part = 0; part < parts; part++)
            {
                var on = issued.AddDays((lastDay.DayNumber - issued.DayNumber) * (part + 1) / parts);
                var share = part == parts - 1 ? amount - paid : decimal.Round(amount * (decimal)(shares[part] / shares.Sum()), 2);
                if (on > today || (neverPaidInFull && part == parts - 1) || share <= 0)
                {
                    break;
                }

                chunk.Payments.Add(new LedgerPayment(Guid.CreateVersion7(), company.Id, $"{externalId}-p{part + 1}", company.Currency, share, on,
                    $"BG {n + 1}-{part + 1}", invoiceId, externalId));
                paid += share;
                lastPayment = on;
            }

            var settled = paid == amount ? lastPayment : null;
            var status = settled is not null ? "Paid" : today > due ? "Overdue" : paid > 0 ? "PartiallyPaid" : "Open";
            // The overdue watcher told InvoiceOverdue for every invoice still owed after its due date.
            var announced = settled is { } day ? day > due : today > due;
            chunk.Invoices.Add(new LedgerInvoice(invoiceId, company.Id, number, externalId, company.Currency, amount, issued, due,
                company.NetDays, status, paid, settled, announced));
        }

        return chunk;
    }

    private static int Delay(Payer payer, Random random) => payer switch
    {
        Payer.Prompt => random.Next(-10, 4),
        Payer.Steady => random.Next(-3, 16),
        Payer.Slow => random.Next(5, 46),
        _ => random.Next(20, 121),
    };

    private LedgerCompany PickCompany(Random random)
    {
        var at = Array.BinarySearch(cumulativeWeight, random.NextDouble() * cumulativeWeight[^1]);
        return companies[at < 0 ? Math.Min(~at, companies.Count - 1) : at];
    }

    private static T Pick<T>(Random random, T[] choices, Func<T, double> share)
    {
        var roll = random.NextDouble();
        foreach (var choice in choices)
        {
            if ((roll -= share(choice)) < 0)
            {
                return choice;
            }
        }

        return choices[^1];
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>A standard normal deviate (Box-Muller).</summary>
    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
