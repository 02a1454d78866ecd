using System.Diagnostics;
using CrmPlatform.Contracts.Profiles.V1;
using Grpc.Core;

namespace CrmPlatform.Benchmarks;

/// <summary>Our path: the client-streaming ImportCompanies, as a partner would call it through the gateway.</summary>
public static class GrpcImport
{
    /// <summary>Rows per request message, as the integration tests send them.</summary>
    private const int RowsPerMessage = 1000;

    /// <returns>The wall time from opening the call to the last report.</returns>
    public static async Task<TimeSpan> Run(BulkService.BulkServiceClient profiles, IReadOnlyList<Company> companies)
    {
        var clock = Stopwatch.StartNew();
        using var call = profiles.ImportCompanies(deadline: DateTime.UtcNow.AddHours(1));
        // Reports come back a batch at a time while we are still sending; read them concurrently
        // so neither side waits on the other's flow-control window.
        var reading = LastReport(call.ResponseStream);
        try
        {
            foreach (var chunk in companies.Chunk(RowsPerMessage))
            {
                await call.RequestStream.WriteAsync(new ImportCompaniesRequest { Companies = { chunk } });
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException) when (!reading.IsCompletedSuccessfully)
        {
            // A failed write only says the call ended; the response side carries the server's status.
            await reading;
            throw;
        }

        var (report, problems) = await reading;
        clock.Stop();
        if (report.Created != companies.Count || report.Rejected + report.Updated + report.Unchanged != 0)
        {
            throw new InvalidOperationException(
                $"Import of {companies.Count:N0} rows reported created {report.Created:N0}, updated {report.Updated:N0}, " +
                $"unchanged {report.Unchanged:N0}, rejected {report.Rejected:N0}. First problems: {string.Join("; ", problems)}");
        }

        return clock.Elapsed;
    }

    /// <summary>The final running totals, and the first few rejected rows' reasons (kept instead of a million row results).</summary>
    private static async Task<(ImportCompaniesResponse Report, List<string> Problems)> LastReport(IAsyncStreamReader<ImportCompaniesResponse> responses)
    {
        var last = new ImportCompaniesResponse();
        var problems = new List<string>();
        await foreach (var report in responses.ReadAllAsync())
        {
            last = report;
            problems.AddRange(report.Rows
                .Where(r => r.Outcome == ImportOutcome.Rejected)
                .Take(5 - problems.Count)
                .Select(r => $"row {r.Row} ({r.ExternalId}): {string.Join(", ", r.Problems.Select(p => $"{p.Field} {p.Description}"))}"));
        }

        return (last, problems);
    }
}
