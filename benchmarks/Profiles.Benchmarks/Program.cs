using System.Diagnostics;
using System.Runtime.InteropServices;
using CrmPlatform.AppHost.Infrastructure;
using CrmPlatform.Benchmarks;
using CrmPlatform.Contracts.Platform.V1;
using CrmPlatform.Contracts.Profiles.V1;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Npgsql;
using Spectre.Console;

// Profiles' bulk import against a raw binary COPY of the same rows, then search latency on the
// largest set. Usage: dotnet run -c Release --project benchmarks/Profiles.Benchmarks -- [sizes...]
// With "fairness" instead: one tenant's latency alone and while another floods the gateway.
// With "events [companies]": the event path alone (MassTransit ÷ raw RabbitMQ, latency at a steady
// pace, and the drain of a bulk import's events; 100,000 by default).
var fairness = args is ["fairness"];
var events = args is ["events", ..];
int[] sizes = fairness || events ? [] : args.Length > 0 ? [.. args.Select(int.Parse).Order()] : [100_000, 1_000_000];
const int Seed = 20261123;
var total = Stopwatch.StartNew();
await using var run = await BenchmarkPlatform.StartAsync();
var platform = run.Platform;
var gateway = run.Gateway;
var admin = new TenantAdminService.TenantAdminServiceClient(run.Operator);
var superuser = platform.SuperuserConnectionString("profiles");
if (fairness)
{
    await GatewayFairness.Run(admin, platform.GatewayRestUrl);
    return;
}

if (events)
{
    await EventFlow.Run(platform, admin, gateway, args.Length > 1 ? int.Parse(args[1]) : 100_000, Seed);
    return;
}

// Ctrl+C or a kill stops the platform's processes too, as the AppHost does; they would outlive us otherwise.
void StopPlatform(PosixSignalContext signal)
{
    try
    {
        platform.DisposeAsync().AsTask().Wait();
    }
    finally
    {
        Environment.Exit(130);
    }
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopPlatform);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopPlatform);

// Neither measured run should pay for JIT, connection pools, the first HTTP/2 connection or the
// consumers' first messages: both paths once, small, first.
var warmUpRows = CompanyGenerator.Generate(2_000, Seed);
await GrpcImport.Run(new BulkService.BulkServiceClient((await TenantKey.Create(admin, "warm-up-grpc")).Caller(gateway)), warmUpRows);
await CopyImport.Run(superuser, (await TenantKey.Create(admin, "warm-up-copy")).Id, warmUpRows);
await EventDelivery.WaitUntilQuiet(platform, TimeSpan.FromMinutes(5));

// Every imported company raises an event that Interactions, Billing and Segmentation each consume;
// on a small machine that work (over an hour for a million) would run under every measurement
// below. So delivery is paused: RabbitMQ stops, imports still write their events to the outbox,
// and the relay waits for the broker. Delivery is measured on its own at the end.
await platform.Broker.StopAsync();

var imports = new List<(int Size, TimeSpan Ours, TimeSpan Copy)>();
List<Company> largest = [];
TenantKey largestTenant = null!;
foreach (var size in sizes)
{
    var companies = CompanyGenerator.Generate(size, Seed);
    var ours = await TenantKey.Create(admin, $"grpc-{size}");
    var raw = await TenantKey.Create(admin, $"copy-{size}");

    Console.WriteLine($"{size:N0} companies: ImportCompanies through the gateway ...");
    var grpc = await GrpcImport.Run(new BulkService.BulkServiceClient(ours.Caller(gateway)), companies);
    Console.WriteLine($"  {grpc.TotalSeconds:0.0} s; binary COPY into companies ...");
    var copy = await CopyImport.Run(superuser, raw.Id, companies);
    Console.WriteLine($"  {copy.TotalSeconds:0.0} s.");
    imports.Add((size, grpc, copy));
    (largest, largestTenant) = (companies, ours);
}

var importTable = new Table().Title("Bulk import, same rows, same table, same run")
    .AddColumns("Companies", "ImportCompanies via gateway", "rows/s", "binary COPY", "rows/s", "COPY ÷ ours");
foreach (var (size, ours, copy) in imports)
{
    importTable.AddRow($"{size:N0}", $"{ours.TotalSeconds:0.0} s", $"{size / ours.TotalSeconds:N0}", $"{copy.TotalSeconds:0.0} s",
        $"{size / copy.TotalSeconds:N0}", $"{ours / copy:0.0}×");
}

foreach (var column in importTable.Columns.Skip(1))
{
    column.RightAligned();
}

AnsiConsole.Write(importTable);

// Autovacuum would soon vacuum and analyze the freshly loaded table (and flush the trigram
// index's pending list); do it now so the search plans measured don't depend on whether it got there.
Console.WriteLine("VACUUM (ANALYZE) companies ...");
await using (var connection = new NpgsqlConnection(superuser))
{
    await connection.OpenAsync();
    await using var vacuum = new NpgsqlCommand("VACUUM (ANALYZE) companies", connection) { CommandTimeout = 0 };
    await vacuum.ExecuteNonQueryAsync();
}

// The same searches through the gateway (API key) and straight to Profiles (the internal
// credential the gateway would have minted), for the tenant holding the largest set.
var viaGateway = new SearchService.SearchServiceClient(largestTenant.Caller(gateway));
using var profilesChannel = GrpcChannel.ForAddress(platform.Service("profiles").GrpcUrl);
var credential = InternalCredential.For(platform.Service("profiles"), largestTenant.Id.ToString(), largestTenant.KeyId);
var direct = new SearchService.SearchServiceClient(profilesChannel.Intercept(metadata =>
{
    metadata.Add("authorization", $"Bearer {credential.Mint()}");
    return metadata;
}));
var paths = new Dictionary<string, Func<SearchCompaniesRequest, Task<SearchCompaniesResponse>>>
{
    ["through the gateway"] = request => viaGateway.SearchCompaniesAsync(request, deadline: DateTime.UtcNow.AddMinutes(2)).ResponseAsync,
    ["straight to Profiles"] = request => direct.SearchCompaniesAsync(request, deadline: DateTime.UtcNow.AddMinutes(2)).ResponseAsync,
};
var queries = SearchLatency.Make(largest, 20 + 300, Seed);
Console.WriteLine($"Searching among {largest.Count:N0} companies, e.g. \"{queries[^1].Request.Query}\", \"{queries[^2].Request.Query}\": 20 to warm up (at most 2 min) ...");
await SearchLatency.Run(queries[..20], TimeSpan.FromMinutes(2), paths);
Console.WriteLine("  300 measured (at most 30 min) ...");
var samples = await SearchLatency.Run(queries[20..], TimeSpan.FromMinutes(30), paths);

var searchTable = new Table().Title($"SearchCompanies among {largest.Count:N0} companies, ms (every 4th search with a filter)")
    .AddColumns("Path", "searches", "p50", "p95", "p99", "max", $"typed company in top {SearchLatency.PageSize}", "failed");
foreach (var (path, sample) in samples)
{
    searchTable.AddRow(path, $"{sample.Milliseconds.Count + sample.Failures.Count}", $"{sample.Percentile(50):0.0}", $"{sample.Percentile(95):0.0}",
        $"{sample.Percentile(99):0.0}", $"{sample.Percentile(100):0.0}", $"{sample.Found} of {sample.Milliseconds.Count}",
        sample.Failures.Count == 0 ? "0" : string.Join(", ", sample.Failures.CountBy(f => f).Select(f => $"{f.Value} {f.Key}")));
}

foreach (var column in searchTable.Columns.Skip(1))
{
    column.RightAligned();
}

AnsiConsole.Write(searchTable);

// The paused deliveries resume with the broker; how fast they drain is the other services' lag
// behind a bulk import.
Console.WriteLine("Starting RabbitMQ again; measuring event delivery for a minute ...");
await platform.Broker.StartAsync();
var (perSecond, waiting) = await EventDelivery.Rate(platform, TimeSpan.FromMinutes(1));
Console.WriteLine($"CompanyCreated events reach all of Interactions, Billing and Segmentation at {perSecond:N0}/s ({waiting:N0} still in Profiles' outbox):");
Console.WriteLine($"  the last of {sizes[^1]:N0} imported companies is known to every service about {sizes[^1] / perSecond / 60:N0} min after the import reports.");
Console.WriteLine($"Whole run: {total.Elapsed:h\\:mm\\:ss}. Stopping the platform ...");
