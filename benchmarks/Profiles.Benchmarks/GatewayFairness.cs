using System.Diagnostics;
using System.Net;
using CrmPlatform.Contracts.Platform.V1;
using Spectre.Console;

namespace CrmPlatform.Benchmarks;

/// <summary>
/// Whether one tenant at its limit slows another: tenant B's latency alone, then while tenant A
/// floods the gateway from 32 loops at many times its limit, in one run. B calls at a steady
/// 20 per second, far under its own limit, so only A's flood can change its figures.
/// </summary>
public static class GatewayFairness
{
    private const int FloodLoops = 32;
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan BInterval = TimeSpan.FromMilliseconds(50);

    public static async Task Run(TenantAdminService.TenantAdminServiceClient admin, Uri gatewayRest)
    {
        var a = await TenantKey.Create(admin, $"flood-a-{Guid.NewGuid():N}"[..20], new TenantLimits { RequestsPerSecond = 100, Burst = 100, ConcurrentBulkOperations = 1 });
        var b = await TenantKey.Create(admin, $"quiet-b-{Guid.NewGuid():N}"[..20], new TenantLimits { RequestsPerSecond = 200, Burst = 400, ConcurrentBulkOperations = 4 });
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = gatewayRest };

        Console.WriteLine("Fairness: warming up ...");
        await Steady(http, b, TimeSpan.FromSeconds(5));
        Console.WriteLine($"Fairness: tenant B alone for {Phase.TotalSeconds:0} s ...");
        var alone = await Steady(http, b, Phase);

        Console.WriteLine($"Fairness: tenant B while tenant A floods from {FloodLoops} loops (A's limit: 100/s) ...");
        using var stop = new CancellationTokenSource();
        var counts = new int[2];
        var flood = Enumerable.Range(0, FloodLoops).Select(_ => Task.Run(() => Flood(http, a, counts, stop.Token))).ToList();
        var flooded = await Steady(http, b, Phase);
        await stop.CancelAsync();
        await Task.WhenAll(flood);

        var table = new Table().AddColumns("tenant B (GET /v1/companies)", "calls", "p50 ms", "p99 ms");
        table.AddRow("alone", alone.Count.ToString(), P(alone, 0.50), P(alone, 0.99));
        table.AddRow("while A floods", flooded.Count.ToString(), P(flooded, 0.50), P(flooded, 0.99));
        AnsiConsole.Write(table);
        Console.WriteLine($"A's flood: {counts[0] / Phase.TotalSeconds:0}/s served, {counts[1] / Phase.TotalSeconds:0}/s refused (429).");
        Console.WriteLine($"B's p50 ratio flooded/alone: {Ratio(flooded, alone, 0.50):0.00}; p99 ratio: {Ratio(flooded, alone, 0.99):0.00}.");
    }

    /// <summary>B's calls at a steady pace; the latency of each.</summary>
    private static async Task<List<double>> Steady(HttpClient http, TenantKey tenant, TimeSpan duration)
    {
        var latencies = new List<double>();
        var run = Stopwatch.StartNew();
        for (var next = TimeSpan.Zero; run.Elapsed < duration; next += BInterval)
        {
            if (next > run.Elapsed)
            {
                await Task.Delay(next - run.Elapsed);
            }

            var call = Stopwatch.StartNew();
            using var response = await http.SendAsync(Get(tenant));
            await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"Tenant B was answered {(int)response.StatusCode}.");
            }

            latencies.Add(call.Elapsed.TotalMilliseconds);
        }

        return latencies;
    }

    private static async Task Flood(HttpClient http, TenantKey tenant, int[] counts, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await http.SendAsync(Get(tenant), stop);
                await response.Content.ReadAsByteArrayAsync(stop);
                Interlocked.Increment(ref counts[response.StatusCode == HttpStatusCode.OK ? 0 : 1]);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static HttpRequestMessage Get(TenantKey tenant)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/v1/companies?pageSize=10");
        request.Headers.Add("x-api-key", tenant.Secret);
        return request;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    private static string P(List<double> values, double p) => Percentile(values, p).ToString("0.0");

    private static double Ratio(List<double> flooded, List<double> alone, double p) => Percentile(flooded, p) / Percentile(alone, p);
}
