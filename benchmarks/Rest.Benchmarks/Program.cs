using System.Diagnostics;
using System.Text;
using CrmPlatform.AppHost.Infrastructure;
using CrmPlatform.Contracts.Platform.V1;
using CrmPlatform.GrpcConventions;
using Grpc.Core;
using Grpc.Net.Client;

// REST throughput of company creation through the gateway, with the strict JSON body check on and
// off (Rest:StrictJson, inherited by every service process). Alternates off/on rounds so drift in
// a shared machine's load hits both. Usage: dotnet run -c Release --project benchmarks/Rest.Benchmarks -- [seconds] [rounds]
var seconds = args.Length > 0 ? int.Parse(args[0]) : 20;
var rounds = args.Length > 1 ? int.Parse(args[1]) : 2;
const int Clients = 16;
var results = new List<(bool Strict, double PerSecond)>();

// The check alone, in-process and free of the machine's other load: what one body costs.
var sample = Encoding.UTF8.GetBytes(Body);
var company = CrmPlatform.Contracts.Profiles.V1.Company.Descriptor;
const int Checks = 200_000;
for (var i = 0; i < Checks / 10; i++)
{
    JsonBodyRule.Check(sample, company, "company", new FieldViolations());
}

var checkTime = Stopwatch.StartNew();
for (var i = 0; i < Checks; i++)
{
    JsonBodyRule.Check(sample, company, "company", new FieldViolations());
}

Console.WriteLine($"the check alone: {checkTime.Elapsed.TotalMicroseconds / Checks:F1} µs per {sample.Length}-byte body");
if (rounds == 0)
{
    return;
}

for (var round = 0; round < rounds; round++)
{
    foreach (var strict in new[] { false, true })
    {
        Environment.SetEnvironmentVariable("Rest__StrictJson", strict ? "true" : "false");
        await using var platform = await Platform.StartAsync(PlatformOptions.ForTests(), _ => { });
        using var gateway = GrpcChannel.ForAddress(platform.GatewayGrpcUrl);
        var admin = new TenantAdminService.TenantAdminServiceClient(gateway);
        var auth = new Metadata { { "authorization", $"Bearer {platform.OperatorKey}" } };
        var tenant = await admin.CreateTenantAsync(new CreateTenantRequest { Tenant = new Tenant { Slug = $"bench-{round}-{strict}".ToLowerInvariant(), Name = "Bench" } }, auth);
        // The tenant's rate limit would cap both runs alike; lifted so the check's cost can show.
        await admin.UpdateTenantLimitsAsync(new UpdateTenantLimitsRequest
        {
            Id = tenant.Id,
            Limits = new TenantLimits { RequestsPerSecond = 100_000, Burst = 1_000_000, ConcurrentBulkOperations = 4 },
        }, auth);
        var key = await admin.CreateApiKeyAsync(new CreateApiKeyRequest { TenantId = tenant.Id, ApiKey = new ApiKey { Name = "bench", Scopes = { "crm.read", "crm.write" } } }, auth);
        using var http = new HttpClient { BaseAddress = platform.GatewayRestUrl };
        http.DefaultRequestHeaders.Add("x-api-key", key.Secret);

        await Run(http, TimeSpan.FromSeconds(5));
        var count = await Run(http, TimeSpan.FromSeconds(seconds));
        var perSecond = count / (double)seconds;
        results.Add((strict, perSecond));
        Console.WriteLine($"round {round + 1} strict={strict}: {perSecond:F0} requests/s");
    }
}

var off = results.Where(r => !r.Strict).Average(r => r.PerSecond);
var on = results.Where(r => r.Strict).Average(r => r.PerSecond);
Console.WriteLine($"mean off {off:F0}/s, on {on:F0}/s, on/off {on / off:P1}");

static async Task<long> Run(HttpClient http, TimeSpan duration)
{
    long count = 0;
    long failures = 0;
    var stop = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
    {
        while (stop.Elapsed < duration)
        {
            using var response = await http.PostAsync("/v1/companies", new StringContent(Body, Encoding.UTF8, "application/json"));
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref count);
            }
            else
            {
                Interlocked.Increment(ref failures);
            }
        }
    }));
    if (failures > 0)
    {
        Console.WriteLine($"  {failures} requests failed");
    }

    return count;
}

internal partial class Program
{
    private const string Body = """
        {"name":"Nordic Timber AB","website":"https://www.nordictimber.se","industry":{"code":"113310","label":"Logging"},
         "headquarters":{"city":"Umeå","countryCode":"SE","lines":["Storgatan 1"]},"tags":["vip","north"],"employeeCount":120,
         "strategy":{"preferredChannels":["CHANNEL_EMAIL"],"contactCadenceDays":30,"salesStrategy":"Land and expand"}}
        """;
}
