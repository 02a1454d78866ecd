using System.Diagnostics;
using CrmPlatform.Benchmarks;
using CrmPlatform.Benchmarks.Billing;
using CrmPlatform.Contracts.Billing.V1;
using CrmPlatform.Contracts.Platform.V1;
using Spectre.Console;

// Billing near its limits (issue 10): a tenant with many invoices and about twice as many payments
// over two years and many companies, then payment behaviour, credit checks and the aging report
// through the gateway, the time from recording a payment until a read shows it, and the history
// import against a raw binary COPY of the same rows.
// Usage: dotnet run -c Release --project benchmarks/Billing.Benchmarks -- [invoices] [import records]
var invoiceCount = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
var importRecords = args.Length > 1 ? int.Parse(args[1]) : 20_000;
const int Seed = 20261207;
var total = Stopwatch.StartNew();
await using var run = await BenchmarkPlatform.StartAsync();
var gateway = run.Gateway;
var admin = new TenantAdminService.TenantAdminServiceClient(run.Operator);
var superuser = run.Platform.SuperuserConnectionString("billing");
var today = DateOnly.FromDateTime(DateTime.UtcNow);

// The big tenant: its ledger by COPY, then every company's standing by the service's own recompute.
var big = await TenantKey.Create(admin, "billing-big");
var billing = new BillingService.BillingServiceClient(big.Caller(gateway));
var behaviour = new PaymentBehaviourService.PaymentBehaviourServiceClient(big.Caller(gateway));
var ledger = new SyntheticLedger(Math.Max(10, invoiceCount / 100), Seed, today, "INV");
Console.WriteLine($"Writing {invoiceCount:N0} invoices of {ledger.Companies.Count:N0} companies over two years, with their payments, by COPY ...");
var fill = await LedgerFill.Run(superuser, big.Id, ledger, invoiceCount, Seed);
Console.WriteLine($"  {fill.Payments:N0} payments; invoices {string.Join(", ", fill.Statuses.OrderByDescending(s => s.Value).Select(s => $"{s.Key} {s.Value:N0}"))}; {fill.Elapsed.TotalSeconds:0} s.");

// A limit of three months of the last year's invoicing: some companies owe more and go on hold.
var limits = ledger.Companies.Select(c => (c.Id, Limit: Math.Max(c.TypicalAmount, decimal.Round(fill.LastYearSalesOf.GetValueOrDefault(c.Id) / 4, 0)), c.Currency)).ToList();
Console.WriteLine($"Setting {limits.Count:N0} credit limits through the gateway (each recomputes the company's standing), two at a time ...");
var standingTime = await Standings.SetCreditLimits(behaviour, limits, parallel: 2);
Console.WriteLine($"  {standingTime.TotalSeconds:0} s ({limits.Count / standingTime.TotalSeconds:N0} standings/s); {await Standings.Describe(superuser, big.Id)}.");
Console.WriteLine("Waiting for Billing's outbox to empty (the grade changes' events) ...");
await Standings.WaitForOutbox(superuser, TimeSpan.FromMinutes(10));

// Companies picked uniformly: most are small; the largest is measured on its own.
var random = new Random(Seed);
var companies = ledger.Companies.Where(c => fill.InvoicesOf.ContainsKey(c.Id)).ToList();
LedgerCompany AnyCompany() => companies[random.Next(companies.Count)];
var largest = companies.MaxBy(c => fill.InvoicesOf[c.Id])!;
var sizes = companies.Select(c => fill.InvoicesOf[c.Id]).Order().ToList();
Task<PaymentBehaviour> Behaviour(LedgerCompany company) =>
    behaviour.GetPaymentBehaviourAsync(new GetPaymentBehaviourRequest { CompanyId = company.Id.ToString() }).ResponseAsync;
var decisions = new Dictionary<CreditDecision, int>();
async Task Check(LedgerCompany company)
{
    var check = await behaviour.CheckCreditAsync(new CheckCreditRequest { CompanyId = company.Id.ToString(), Amount = company.TypicalAmount.ToMoney(company.Currency) });
    decisions[check.Decision] = decisions.GetValueOrDefault(check.Decision) + 1;
}

Task<AgingReport> Aging() => behaviour.GetAgingReportAsync(new GetAgingReportRequest(), deadline: DateTime.UtcNow.AddMinutes(5)).ResponseAsync;

Console.WriteLine("Measuring GetPaymentBehaviour, CheckCredit and GetAgingReport (warm-up first) ...");
await Latency.Measure(50, _ => Behaviour(AnyCompany()));
await Latency.Measure(50, _ => Check(AnyCompany()));
await Aging();
var behaviours = await Latency.Measure(500, _ => Behaviour(AnyCompany()));
var largestBehaviours = await Latency.Measure(50, _ => Behaviour(largest));
decisions.Clear();
var checks = await Latency.Measure(500, _ => Check(AnyCompany()));
var agings = await Latency.Measure(30, _ => Aging(), budget: TimeSpan.FromMinutes(3));

Console.WriteLine("Recording payments, each read until its behaviour and credit check show it ...");
var targets = await PaymentVisibility.Targets(superuser, big.Id, 100, Seed);
var visibility = await PaymentVisibility.Measure(billing, behaviour, targets);

var latencyTable = new Table()
    .Title($"Billing among {invoiceCount:N0} invoices and {fill.Payments:N0} payments of {companies.Count:N0} companies, ms, through the gateway")
    .AddColumns("Call", "calls", "p50", "p95", "p99", "max", "issue's p99");
foreach (var (name, sample, goal) in new[]
{
    ($"GetPaymentBehaviour, any company (invoices: median {sizes[sizes.Count / 2]:N0}, p99 {sizes[(int)(sizes.Count * 0.99)]:N0})", behaviours, "20"),
    ($"GetPaymentBehaviour, the largest company ({fill.InvoicesOf[largest.Id]:N0} invoices)", largestBehaviours, "20"),
    ("CheckCredit, any company", checks, "20"),
    ("GetAgingReport, the tenant", agings, "1,000"),
    ("RecordPayment, then reads until behaviour and credit check show it", visibility.Delays, "1,000"),
})
{
    latencyTable.AddRow(name, $"{sample.Count}", $"{sample.Percentile(50):0.0}", $"{sample.Percentile(95):0.0}", $"{sample.Percentile(99):0.0}",
        $"{sample.Percentile(100):0.0}", goal);
}

foreach (var column in latencyTable.Columns.Skip(1))
{
    column.RightAligned();
}

AnsiConsole.Write(latencyTable);
Console.WriteLine($"CheckCredit answered {string.Join(", ", decisions.OrderBy(d => d.Key).Select(d => $"{d.Key} {d.Value}"))} (a sale of the company's typical invoice).");
Console.WriteLine($"Of {visibility.Delays.Count} payments, {visibility.ShownAtFirstRead} showed at the first read after RecordPayment answered; {visibility.NeverShown} never did.");

// History import through the gateway against a binary COPY of the same rows into the same tables,
// each into a fresh tenant that knows the companies. A small one first, so neither pays for JIT.
var importLedger = new SyntheticLedger(Math.Max(10, importRecords / 30), Seed + 1, today, "IMP");
var imported = importLedger.Generate(0, importRecords / 3, Seed + 2);
var records = HistoryImport.Records(imported);
var warmUp = new SyntheticLedger(10, Seed + 3, today, "WARM");
var warmUpRows = warmUp.Generate(0, 300, Seed + 4);
var (ours, raw) = (await TenantKey.Create(admin, "import-grpc"), await TenantKey.Create(admin, "import-copy"));
var (warmOurs, warmRaw) = (await TenantKey.Create(admin, "warm-up-grpc"), await TenantKey.Create(admin, "warm-up-copy"));
foreach (var (tenant, companySet) in new[] { (ours, importLedger), (raw, importLedger), (warmOurs, warmUp), (warmRaw, warmUp) })
{
    await KnownCompanyRows.Copy(superuser, tenant.Id, companySet.Companies.Select(c => (c.Id, c.Name)));
}

await HistoryImport.Run(new BillingImportService.BillingImportServiceClient(warmOurs.Caller(gateway)), HistoryImport.Records(warmUpRows));
await LedgerCopy.Write(superuser, warmRaw.Id, warmUpRows);
await Standings.WaitForOutbox(superuser, TimeSpan.FromMinutes(10));

Console.WriteLine($"Importing {records.Count:N0} records ({imported.Invoices.Count:N0} invoices, {imported.Payments.Count:N0} payments, " +
    $"{importLedger.Companies.Count:N0} companies, in date order) through the gateway, in calls of {HistoryImport.RecordsPerCall:N0} ...");
var import = await HistoryImport.Run(new BillingImportService.BillingImportServiceClient(ours.Caller(gateway)), records);
var importTime = import.Elapsed;
Console.WriteLine($"  {importTime.TotalSeconds:0.0} s; {import.CompaniesGraded:N0} company standings recomputed over the batches of the calls that completed" +
    (import.Failures.Count == 0 ? "." : $"; {import.Failures.Count} calls failed and were sent again: {string.Join(", ", import.Failures)}."));
Console.WriteLine("The same rows by binary COPY ...");
var copyClock = Stopwatch.StartNew();
await LedgerCopy.Write(superuser, raw.Id, imported);
var copyTime = copyClock.Elapsed;

var importTable = new Table().Title("History import, same rows, same tables, same run")
    .AddColumns("Records", "ImportBillingHistory via gateway", "rows/s", "binary COPY", "rows/s", "ours ÷ COPY", "issue's goal");
importTable.AddRow($"{records.Count:N0}", $"{importTime.TotalSeconds:0.0} s", $"{records.Count / importTime.TotalSeconds:N0}",
    $"{copyTime.TotalSeconds:0.0} s", $"{records.Count / copyTime.TotalSeconds:N0}", $"{copyTime / importTime:0.00#}", "≥ 0.5");
foreach (var column in importTable.Columns.Skip(1))
{
    column.RightAligned();
}

AnsiConsole.Write(importTable);
var alike = await ImportCheck.Compare(superuser, ours.Id, raw.Id);
Console.WriteLine(alike.Equal == alike.Invoices && alike.ImportedPayments == alike.CopiedPayments
    ? $"The import left every invoice as the COPY wrote it ({alike.Equal:N0} of {alike.Invoices:N0}: amount, due date, status, paid amount, settled day) and {alike.ImportedPayments:N0} payments."
    : $"The import DIFFERS from the COPY: {alike.Equal:N0} of {alike.Invoices:N0} invoices alike; payments {alike.ImportedPayments:N0} imported, {alike.CopiedPayments:N0} copied.");
Console.WriteLine($"Whole run: {total.Elapsed:h\\:mm\\:ss}.");
