using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.IntegrationTests.Support;
using Google.Rpc;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests;

/// <summary>
/// Per-tenant limits at the gateway: told on every response, enforced with a reason and a time to
/// come back, set by operators, and one tenant's exhaustion never another's. Each test lowers the
/// limits of its own fresh tenant only.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed partial class RateLimitTests(PlatformFixture platform)
{
    [GeneratedRegex("""^"tenant";r=\d+;t=\d+$""")]
    private static partial Regex CurrentQuota();

    [Fact]
    public async Task RestResponse_CarriesTheTenantsQuota()
    {
        using var tenant = await platform.NewTenant();

        using var response = await tenant.Rest.GetAsync("/v1/companies");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"tenant\";q=400;w=2", Header(response, "RateLimit-Policy"));
        Assert.Matches(CurrentQuota(), Header(response, "RateLimit"));
    }

    [Fact]
    public async Task GrpcResponse_CarriesTheTenantsQuotaInItsHeaders()
    {
        using var tenant = await platform.NewTenant();

        using var call = tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest());
        await call.ResponseAsync;
        var headers = await call.ResponseHeadersAsync;

        Assert.Equal("\"tenant\";q=400;w=2", headers.GetValue("ratelimit-policy"));
        Assert.Matches(CurrentQuota(), headers.GetValue("ratelimit"));
    }

    [Fact]
    public async Task TenantOverItsLimit_GetsTooManyRequests_WithRetryAfterRetryInfoAndQuotaFailure()
    {
        using var tenant = await platform.NewTenant();
        await platform.Admin.UpdateTenantLimits(tenant.TenantId, new { requestsPerSecond = 1, burst = 2 }, "requestsPerSecond,burst");

        using var refused = await OneRefused(tenant);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.Matches("""^"tenant";r=0;t=\d+$""", Header(refused, "RateLimit"));
        var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal((int)Code.ResourceExhausted, (int)body["code"]!);
        var details = body["details"]!.AsArray();
        var retryInfo = details.Single(d => ((string)d!["@type"]!).EndsWith("google.rpc.RetryInfo", StringComparison.Ordinal))!;
        Assert.EndsWith("s", (string)retryInfo["retryDelay"]!);
        Assert.Contains(details, d => ((string)d!["@type"]!).EndsWith("google.rpc.QuotaFailure", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TenantOverItsLimit_GetsResourceExhaustedOverGrpc_WithRetryInfo()
    {
        using var tenant = await platform.NewTenant();
        await platform.Admin.UpdateTenantLimits(tenant.TenantId, new { requestsPerSecond = 1, burst = 1 }, "requestsPerSecond,burst");

        // At once, so a slow machine cannot let the bucket refill between them.
        var calls = Enumerable.Range(0, 6).Select(_ => tenant.Companies.ListCompaniesAsync(new ListCompaniesRequest()).ResponseAsync).ToList();
        await Task.WhenAll(calls).ContinueWith(_ => { }, TaskScheduler.Default);
        var refused = Assert.IsType<RpcException>(calls.First(c => c.IsFaulted).Exception!.InnerException);

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        var retryInfo = refused.GetRpcStatus()?.GetDetail<RetryInfo>();
        Assert.NotNull(retryInfo);
        Assert.InRange(retryInfo.RetryDelay.ToTimeSpan(), TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task AnotherTenant_IsServed_WhileOneIsOverItsLimit()
    {
        using var flooding = await platform.NewTenant();
        using var other = await platform.NewTenant();
        await platform.Admin.UpdateTenantLimits(flooding.TenantId, new { requestsPerSecond = 1, burst = 1 }, "requestsPerSecond,burst");

        using var refused = await OneRefused(flooding);
        using var served = await other.Rest.GetAsync("/v1/companies");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task BulkOperationPastTheConcurrentLimit_IsRefused_UntilTheRunningOneEnds()
    {
        using var tenant = await platform.NewTenant();
        await platform.Admin.UpdateTenantLimits(tenant.TenantId, new { concurrentBulkOperations = 1 }, "concurrentBulkOperations");

        using (var running = tenant.Bulk.ImportCompanies())
        {
            await running.RequestStream.WriteAsync(new ImportCompaniesRequest { Companies = { new Company { ExternalId = "B-1", Name = "Bulk AB" } } });
            // What the probes saw, and the running import's fate, say why if no refusal ever comes.
            var seen = new List<HttpStatusCode>();
            try
            {
                await Eventually.True(
                    async () =>
                    {
                        var status = (await tenant.Rest.GetAsync("/v1/companies:export")).StatusCode;
                        seen.Add(status);
                        return status == HttpStatusCode.TooManyRequests;
                    },
                    "a second bulk operation to be refused");
            }
            catch (TimeoutException e)
            {
                string import;
                try
                {
                    import = running.GetStatus().ToString();
                }
                catch (InvalidOperationException)
                {
                    import = "still running";
                }

                throw new TimeoutException(
                    $"{e.Message} Probes answered {string.Join(", ", seen.CountBy(s => s).Select(c => $"{(int)c.Key} ×{c.Value}"))}; the running import: {import}.", e);
            }
            var grpc = await Assert.ThrowsAsync<RpcException>(() => ReadAll(tenant.Bulk.ExportCompanies(new ExportCompaniesRequest())));
            Assert.Equal(StatusCode.ResourceExhausted, grpc.StatusCode);

            await running.RequestStream.CompleteAsync();
            await running.ResponseStream.ReadAllAsync().ToListAsync();
        }

        await Eventually.True(
            async () => (await tenant.Rest.GetAsync("/v1/companies:export")).StatusCode == HttpStatusCode.OK,
            "a bulk operation to run once the first has ended");
    }

    [Fact]
    public async Task OperatorsNewLimits_ShowOnTheTenant()
    {
        using var tenant = await platform.NewTenant();

        var updated = await platform.Admin.UpdateTenantLimits(tenant.TenantId, new { requestsPerSecond = 5, burst = 10 }, "requestsPerSecond,burst");
        var read = await platform.Admin.GetTenant(tenant.TenantId);

        Assert.Equal(10, (int)updated["limits"]!["burst"]!);
        Assert.Equal(5, (int)read["limits"]!["requestsPerSecond"]!);
        Assert.Equal(4, (int)read["limits"]!["concurrentBulkOperations"]!);
    }

    [Fact]
    public async Task OperatorsNewLimits_AreFollowedByTheGateway()
    {
        using var tenant = await platform.NewTenant();

        await platform.Admin.UpdateTenantLimits(tenant.TenantId, new { requestsPerSecond = 5, burst = 10 }, "requestsPerSecond,burst");
        using var response = await tenant.Rest.GetAsync("/v1/companies");

        Assert.Equal("\"tenant\";q=10;w=2", Header(response, "RateLimit-Policy"));
    }

    [Fact]
    public async Task LimitSetToZero_ReturnsToThePlansDefault()
    {
        using var tenant = await platform.NewTenant();
        await platform.Admin.UpdateTenantLimits(tenant.TenantId, new { burst = 10 }, "burst");

        var reset = await platform.Admin.UpdateTenantLimits(tenant.TenantId, new { burst = 0 }, "burst");

        Assert.Equal(400, (int)reset["limits"]!["burst"]!);
    }

    [Fact]
    public async Task NegativeLimit_IsRefused_NamingTheField()
    {
        using var tenant = await platform.NewTenant();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() =>
            platform.Admin.UpdateTenantLimits(tenant.TenantId, new { requestsPerSecond = -3 }, "requestsPerSecond"));

        Assert.Contains("answered 400", error.Message);
        Assert.Contains("limits.requests_per_second", error.Message);
    }

    [Fact]
    public async Task ImportBody_IsChargedByItsSize()
    {
        using var tenant = await platform.NewTenant();
        // A slow refill, so what the import took is still missing from the bucket afterwards.
        await platform.Admin.UpdateTenantLimits(tenant.TenantId, new { requestsPerSecond = 1, burst = 1000 }, "requestsPerSecond,burst");
        // Every row's name is too long, so each row is refused on its own: the body weighs what it
        // must, and the suite's event consumers are not handed ten thousand companies to digest.
        var csv = new StringBuilder("external_id,name\n");
        for (var i = 0; csv.Length < 25 * 64 * 1024 + 1000; i++)
        {
            csv.Append(FormattableString.Invariant($"S-{i},Sized {i} ")).Append('x', 250).Append('\n');
        }

        var clock = Stopwatch.StartNew();
        using var import = await tenant.Rest.PostAsync("/v1/companies:import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        using var after = await tenant.Rest.GetAsync("/v1/companies");

        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        // 1000 - 1 (the import) - 25 (its body) - 1 (this call), plus what refilled meanwhile; uncharged it would be 998.
        var remaining = int.Parse(Regex.Match(Header(after, "RateLimit"), @"r=(\d+)").Groups[1].Value);
        Assert.InRange(remaining, 960, 973 + (int)Math.Ceiling(clock.Elapsed.TotalSeconds));
    }

    /// <summary>Six calls at once, so a slow machine cannot let the bucket refill between them; the first refused one, or else the last.</summary>
    private static async Task<HttpResponseMessage> OneRefused(TenantClient tenant)
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => tenant.Rest.GetAsync("/v1/companies")));
        var refused = responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests) ?? responses[^1];
        foreach (var other in responses.Where(r => r != refused))
        {
            other.Dispose();
        }

        return refused;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    private static async Task ReadAll(AsyncServerStreamingCall<Company> call)
    {
        using (call)
        {
            await call.ResponseStream.ReadAllAsync().ToListAsync();
        }
    }
}
